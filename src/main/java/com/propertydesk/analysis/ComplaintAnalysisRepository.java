package com.propertydesk.analysis;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ComplaintAnalysisRepository extends JpaRepository<ComplaintAnalysis, Long> {

    Optional<ComplaintAnalysis> findByYearAndQuarter(int year, int quarter);

    default Optional<ComplaintAnalysis> findByQuarter(Quarter quarter) {
        return findByYearAndQuarter(quarter.year(), quarter.quarter());
    }

    @Query("select a from ComplaintAnalysis a order by a.year desc, a.quarter desc")
    List<ComplaintAnalysis> newestFirst();
}
