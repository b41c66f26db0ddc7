package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.Channel;
import com.propertydesk.ticket.ImpactScope;
import com.propertydesk.ticket.TicketType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A complaint or repair request as an integrator files it. */
@Schema(name = "CreateTicketRequest")
public record CreateTicketRequest(
        @Schema(description = "COMPLAINT 投诉 or REPAIR 报修", example = "COMPLAINT")
        @NotNull TicketType type,
        @Schema(description = "受理渠道", example = "WECHAT")
        @NotNull Channel channel,
        @NotNull @Valid ReporterRequest reporter,
        @Schema(description = "Where the problem is (楼栋、楼层、公共区域)", example = "3栋1单元电梯厅")
        @Size(max = 200) String location,
        @Schema(description = "When the problem happened, ISO-8601 with offset; not in the future",
                example = "2026-11-24T08:30:00+08:00")
        OffsetDateTime occurredAt,
        @Schema(description = "What happened, in the owner's words", example = "卫生间天花板漏水，已经滴到地面")
        @NotBlank @Size(max = 2000) String description,
        @Schema(description = "What the owner asks for (诉求)", example = "尽快上门维修")
        @Size(max = 1000) String demand,
        @Schema(description = "Category if the reporter knows it; otherwise decided from the description")
        Category category,
        @Schema(description = "How many owners are affected")
        ImpactScope impactScope,
        @Schema(description = "true for a public area (公共区域), false for the owner's own unit")
        Boolean publicArea,
        @Schema(description = "Repairs: the reporter or front desk asks for a site survey (现场勘查) first")
        Boolean needsSurvey) {
}
