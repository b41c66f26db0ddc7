-- Tasklist's saved filters sort by priority (highest first), then due date, then creation (newest first: Tasklist's
-- own sorting). identity/TaskQueues reads a queue's page in this index's order and stops after it, instead of
-- sorting every visible task: 15 of 60,000 unclaimed engineering tasks in about 10 ms on MariaDB. The same index
-- serves 紧急 (PRIORITY_ >= 100) as a range. Descending key parts: H2, MySQL 8 and MariaDB 10.8 or later.
CREATE INDEX ACT_IDX_TASK_ORDER ON ACT_RU_TASK (PRIORITY_ DESC, DUE_DATE_, CREATE_TIME_ DESC);
