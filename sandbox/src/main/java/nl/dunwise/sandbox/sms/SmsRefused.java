package nl.dunwise.sandbox.sms;

import java.util.List;

/** A request the gateway refuses, with its HTTP status and MessageBird's error entries. */
public class SmsRefused extends RuntimeException {

    private final int status;
    private final List<SmsError> errors;

    public SmsRefused(int status, List<SmsError> errors) {
        super(errors.toString());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<SmsError> errors() {
        return errors;
    }
}
