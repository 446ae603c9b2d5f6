package id.mpp.tracker.application.query;

import java.util.List;

/** One page of a list of applications. */
public record ApplicationPage(List<ApplicationSummary> content, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }
}
