package nl.dunwise.bench;

/** Entry point of ./dunwise bench: runs the named benchmark. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "dunning" : args[0];
        switch (name) {
            case "dunning" -> DunningPlanBench.run();
            case "dispatch" -> DispatchBench.run();
            case "exact" -> ExactSyncBench.run();
            default -> throw new IllegalArgumentException("Unknown benchmark " + name);
        }
    }
}
