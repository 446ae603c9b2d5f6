package id.mpp.tracker.catalogue;

import java.util.List;

/** The catalogue file is not usable; the message lists every problem so an operator can fix them at once. */
public class InvalidCatalogueException extends RuntimeException {

    private final List<String> problems;

    public InvalidCatalogueException(String source, List<String> problems) {
        super("Catalogue " + source + " is invalid:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
