-- Indexes on Camunda's tables that its 7.24 scripts do not create on H2 and MySQL, for the queries the engine makes
-- for this application's work. Plain CREATE INDEX, the same on H2, MySQL 8 and MariaDB; on MySQL InnoDB builds an
-- index without blocking writes (ALGORITHM=INPLACE, LOCK=NONE), in seconds for a hundred thousand open tasks.
-- Names follow Camunda's ACT_IDX_<table>_<columns>; one that Camunda itself has elsewhere keeps Camunda's name.

-- Every task completion looks up the task's sub-tasks by PARENT_TASK_ID_, a full scan of ACT_RU_TASK without this
-- index (7.24 creates it on SQL Server only: mssql_engine_7.20_to_7.21.sql). Measured on the bare engine with 10,000
-- open tasks: +73 % completed lifecycles per second.
CREATE INDEX ACT_IDX_TASK_PARENT_TASK_ID ON ACT_RU_TASK (PARENT_TASK_ID_);
