package nl.dunwise.dunning;

import static nl.dunwise.dunning.Channel.AGENCY;
import static nl.dunwise.dunning.Channel.CALL_TASK;
import static nl.dunwise.dunning.Channel.EMAIL;
import static nl.dunwise.dunning.Channel.SMS;
import static nl.dunwise.dunning.StepOption.ADDS_COLLECTION_COSTS;
import static nl.dunwise.dunning.StepOption.ADDS_INTEREST;
import static nl.dunwise.dunning.StepOption.FOURTEEN_DAY_LETTER;
import static nl.dunwise.dunning.StepOption.NEEDS_APPROVAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The rules a scenario keeps while a credit manager edits it, on the standard scenario of a new division. */
class ScenarioRulesTest {

    /** The division's texts: the default ones, and the labels of the call and agency steps. */
    private static final TemplateCatalog TEXTS = (channel, code) -> switch (channel) {
        case EMAIL -> Set.of("pre-due-notice", "first-reminder", "second-reminder", "final-notice").contains(code);
        case SMS -> code.equals("sms-reminder");
        case LETTER -> code.equals("final-notice");
        case CALL_TASK -> code.equals("call-task");
        case AGENCY -> code.equals("agency-handover");
    };

    private static Scenario standard() {
        return new Scenario(1, "standard", "Standard", "The default scenario.", true)
                .step(-3, EMAIL, "pre-due-notice")
                .step(7, EMAIL, "first-reminder")
                .step(21, EMAIL, "second-reminder")
                .step(35, EMAIL, "final-notice", FOURTEEN_DAY_LETTER, ADDS_COLLECTION_COSTS)
                .step(49, CALL_TASK, "call-task")
                .step(63, AGENCY, "agency-handover", NEEDS_APPROVAL);
    }

    private static Step step(Scenario scenario, int day) {
        return scenario.activeSteps().stream().filter(s -> s.getDayOffset() == day).findFirst().orElseThrow();
    }

    private static StepDraft draft(int day, Channel channel, String code, StepOption... options) {
        return new StepDraft(day, channel, code, Set.of(options));
    }

    private static List<Integer> days(Scenario scenario) {
        return scenario.activeSteps().stream().map(Step::getDayOffset).toList();
    }

    private static void refused(ScenarioRule rule, Executable change) {
        assertEquals(rule, assertThrows(ScenarioRuleViolation.class, change).rule());
    }

    @Test
    void aStepMovesWithinItsNeighbours() {
        Scenario scenario = standard();
        scenario.change(step(scenario, 7), draft(8, EMAIL, "first-reminder"), TEXTS);
        assertEquals(List.of(-3, 8, 21, 35, 49, 63), days(scenario));
    }

    @Test
    void aStepOnTheDayOfTheNextOneIsRefusedAndNothingChanges() {
        Scenario scenario = standard();
        refused(ScenarioRule.OFFSET_NOT_BEFORE_NEXT,
                () -> scenario.change(step(scenario, 7), draft(21, EMAIL, "first-reminder"), TEXTS));
        assertEquals(List.of(-3, 7, 21, 35, 49, 63), days(scenario));
    }

    @Test
    void aStepCannotMoveBeforeTheOneBeforeIt() {
        Scenario scenario = standard();
        refused(ScenarioRule.OFFSET_NOT_AFTER_PREVIOUS,
                () -> scenario.change(step(scenario, 21), draft(5, EMAIL, "second-reminder"), TEXTS));
    }

    @Test
    void anAddedStepTakesItsPlaceByDay() {
        Scenario scenario = standard();
        scenario.add(draft(14, SMS, "sms-reminder"), TEXTS);
        assertEquals(List.of(-3, 7, 14, 21, 35, 49, 63), days(scenario));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), scenario.activeSteps().stream().map(Step::getPosition).toList());
    }

    @Test
    void twoStepsOnOneDayAreRefused() {
        refused(ScenarioRule.SAME_DAY, () -> standard().add(draft(21, SMS, "sms-reminder"), TEXTS));
    }

    @Test
    void onlyOnePreDueNotice() {
        refused(ScenarioRule.TWO_PRE_DUE, () -> standard().add(draft(0, SMS, "sms-reminder"), TEXTS));
    }

    @Test
    void aPreDueNoticeChargesNothing() {
        Scenario scenario = standard();
        refused(ScenarioRule.PRE_DUE_ONLY_INFORMS,
                () -> scenario.change(step(scenario, -3), draft(-3, EMAIL, "pre-due-notice", ADDS_INTEREST), TEXTS));
    }

    @Test
    void daysOutsideTheRangeAreRefused() {
        refused(ScenarioRule.OFFSET_OUT_OF_RANGE, () -> standard().add(draft(366, SMS, "sms-reminder"), TEXTS));
        refused(ScenarioRule.OFFSET_OUT_OF_RANGE, () -> standard().add(draft(-31, SMS, "sms-reminder"), TEXTS));
    }

    @Test
    void aTextThatDoesNotExistForTheChannelIsRefused() {
        Scenario scenario = standard();
        refused(ScenarioRule.TEMPLATE_MISSING,
                () -> scenario.change(step(scenario, 7), draft(7, SMS, "first-reminder"), TEXTS));
        assertEquals(EMAIL, step(scenario, 7).getChannel());
    }

    @Test
    void costsBeforeTheFourteenDayLetterAreRefused() {
        Scenario scenario = standard();
        refused(ScenarioRule.FOURTEEN_DAY_LETTER_FIRST,
                () -> scenario.change(step(scenario, 21), draft(21, EMAIL, "second-reminder", ADDS_COLLECTION_COSTS), TEXTS));
    }

    @Test
    void anAgencyBeforeTheFourteenDayLetterIsRefused() {
        refused(ScenarioRule.FOURTEEN_DAY_LETTER_FIRST,
                () -> standard().add(draft(30, AGENCY, "agency-handover"), TEXTS));
    }

    @Test
    void theFourteenDayLetterCannotBeTakenOutWhileAnAgencyFollows() {
        Scenario scenario = standard();
        refused(ScenarioRule.FOURTEEN_DAY_LETTER_FIRST, () -> scenario.retire(step(scenario, 35)));
    }

    @Test
    void theFourteenDayLetterIsWrittenAndComesOnce() {
        Scenario scenario = standard();
        refused(ScenarioRule.FOURTEEN_DAY_LETTER_WRITTEN,
                () -> scenario.add(draft(40, SMS, "sms-reminder", FOURTEEN_DAY_LETTER), TEXTS));
        refused(ScenarioRule.TWO_FOURTEEN_DAY_LETTERS,
                () -> scenario.change(step(scenario, 21), draft(21, EMAIL, "second-reminder", FOURTEEN_DAY_LETTER), TEXTS));
    }

    @Test
    void aRemovedStepIsRetiredAndKeptForHistory() {
        Scenario scenario = standard();
        Step call = step(scenario, 49);
        scenario.retire(call);
        assertTrue(call.isRetired());
        assertTrue(scenario.getSteps().contains(call));
        assertEquals(List.of(-3, 7, 21, 35, 63), days(scenario));
        assertEquals(6, call.getPosition(), "after the active steps");
    }

    @Test
    void theLastStepStays() {
        Scenario scenario = new Scenario(1, "short", "Short", null, false).step(7, EMAIL, "first-reminder");
        refused(ScenarioRule.LAST_STEP, () -> scenario.retire(step(scenario, 7)));
    }

    @Test
    void oneDefaultPerDivision() {
        Scenario standard = standard();
        Scenario strict = new Scenario(1, "strict", "Strict", null, false).step(1, EMAIL, "first-reminder");
        strict.makeDefaultAmong(List.of(standard, strict));
        assertTrue(strict.isDefaultScenario());
        assertFalse(standard.isDefaultScenario());
    }

    @Test
    void theDefaultStaysActiveAndAnInactiveOneCannotBecomeDefault() {
        Scenario standard = standard();
        refused(ScenarioRule.DEFAULT_STAYS_ACTIVE, standard::deactivate);
        Scenario strict = new Scenario(1, "strict", "Strict", null, false).step(1, EMAIL, "first-reminder");
        strict.deactivate();
        refused(ScenarioRule.DEFAULT_MUST_BE_ACTIVE, () -> strict.makeDefaultAmong(List.of(standard, strict)));
        assertTrue(standard.isDefaultScenario());
    }

    @Test
    void aScenarioNeedsAName() {
        refused(ScenarioRule.NAME_REQUIRED, () -> standard().rename(" ", "x"));
    }
}
