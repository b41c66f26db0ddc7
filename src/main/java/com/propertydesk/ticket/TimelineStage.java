package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** A stage of a ticket's life, one timeline entry each time it is passed. */
@Schema(enumAsRef = true, description = "A stage of a ticket's life, one timeline entry each time it is passed.")
public enum TimelineStage implements Labelled {
    RECEIVED("受理"),
    CLASSIFIED("分类"),
    ASSESSED("紧急程度评估"),
    ROUTED("分派部门"),
    NOTIFIED("通知"),
    SURVEYED("现场勘查"),
    DISPATCHED("派单"),
    HANDLED("处理"),
    VERIFIED("核查"),
    CHARGED("收费确认"),
    ACCEPTED("验收"),
    REWORK("返工"),
    CALLBACK("回访"),
    REOPENED("重新派单"),
    MANAGER_REVIEW("经理处理"),
    ESCALATED("超时升级"),
    PAUSED("暂停计时"),
    RESUMED("恢复计时"),
    REPLANNED("调整时限"),
    FEEDBACK("业主评价"),
    EVIDENCE("上传附件"),
    ARCHIVED("归档");

    private final String label;

    TimelineStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
