package nl.dunwise.dunning;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.List;

/**
 * A change that would break a rule of the scenario. It reaches the caller unwrapped and rolls back, so the
 * editor shows the rule's sentence and nothing of the change is stored.
 */
@ApplicationException(rollback = true)
public class ScenarioRuleViolation extends IllegalArgumentException {

    private final ScenarioRule rule;
    private final transient List<Object> arguments;

    ScenarioRuleViolation(ScenarioRule rule, Object... arguments) {
        super(rule + " " + Arrays.toString(arguments));
        this.rule = rule;
        this.arguments = List.of(arguments);
    }

    public ScenarioRule rule() {
        return rule;
    }

    /** The values the sentence names (days, codes, channels), in its order. */
    public Object[] arguments() {
        return arguments.toArray();
    }
}
