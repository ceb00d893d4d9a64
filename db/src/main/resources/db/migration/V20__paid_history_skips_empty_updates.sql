-- An INSERT .. ON CONFLICT DO UPDATE fires the statement-level UPDATE triggers even when no row conflicted, as
-- on every page of an initial sync. The trigger then planned its dynamic EXCEPT ALL query over two empty
-- transition tables for nothing (about a tenth of such a page's write); with no row updated there is no
-- paid history that can have changed. Otherwise the same as in V13.
CREATE OR REPLACE FUNCTION payment_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('UPDATE debtor d SET payment_history_version = d.payment_history_version + 1
                        FROM (SELECT DISTINCT debtor_id FROM changed_new WHERE %s) c WHERE d.id = c.debtor_id',
                       TG_ARGV[0]);
    ELSIF EXISTS (SELECT 1 FROM changed_old) THEN
        EXECUTE format('UPDATE debtor d SET payment_history_version = d.payment_history_version + 1
                        FROM (SELECT DISTINCT debtor_id
                              FROM ((SELECT %2$s FROM changed_new WHERE %1$s EXCEPT ALL SELECT %2$s FROM changed_old WHERE %1$s)
                                    UNION ALL
                                    (SELECT %2$s FROM changed_old WHERE %1$s EXCEPT ALL SELECT %2$s FROM changed_new WHERE %1$s)) x
                             ) c WHERE d.id = c.debtor_id',
                       TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$$;
