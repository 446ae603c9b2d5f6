package id.mpp.tracker.command.application;

/** A command the application's rules do not allow; nothing was recorded. */
public class CommandRefusedException extends RuntimeException {

    private final Refusal refusal;

    public CommandRefusedException(Refusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
