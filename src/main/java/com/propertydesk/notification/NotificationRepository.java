package com.propertydesk.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByTicketNoOrderByIdAsc(String ticketNo);

    boolean existsByDedupKey(String dedupKey);
}
