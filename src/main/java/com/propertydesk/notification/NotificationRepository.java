package com.propertydesk.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    // written out, so that Hibernate translates each once (see ticket/TicketRepository)
    @Query("select n from Notification n where n.ticketNo = :ticketNo order by n.id")
    List<Notification> findByTicketNoOrderByIdAsc(String ticketNo);

    @Query("select case when count(n) > 0 then true else false end from Notification n where n.dedupKey = :dedupKey")
    boolean existsByDedupKey(String dedupKey);
}
