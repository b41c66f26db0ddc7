-- The engine's history level becomes "full-without-variable-details" (config/LeanHistoryLevel, id 31): everything of
-- level "full" but one ACT_HI_DETAIL row per variable change. The engine refuses to start when the level it finds in
-- the database differs from its configuration; a database that ran at "full" (3) is moved here. A new database has no
-- level yet: the engine records its own at the first start.
UPDATE ACT_GE_PROPERTY SET VALUE_ = '31' WHERE NAME_ = 'historyLevel' AND VALUE_ = '3';
