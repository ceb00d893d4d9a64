-- Scenarios are edited in the cockpit. A step that reminders or skips already name cannot be deleted without
-- losing what they were (reminder.step_id, dunning_skip.step_id): it is retired instead, kept for history
-- and left out of planning.
ALTER TABLE step ADD COLUMN retired boolean NOT NULL DEFAULT false;

-- The editor renumbers the steps of a scenario after a change; deferring the uniqueness check to the commit
-- lets the rows be updated in any order.
ALTER TABLE step DROP CONSTRAINT step_scenario_id_position_key;
ALTER TABLE step ADD CONSTRAINT step_scenario_id_position_key UNIQUE (scenario_id, position) DEFERRABLE INITIALLY DEFERRED;

-- Exactly one default scenario per division is kept by the editor; the database keeps it to at most one,
-- checked at the commit so that moving the default from one scenario to another may update either row first.
ALTER TABLE scenario ADD CONSTRAINT scenario_one_default
    EXCLUDE USING btree (division WITH =) WHERE (is_default) DEFERRABLE INITIALLY DEFERRED;
