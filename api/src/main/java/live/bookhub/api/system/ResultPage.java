package live.bookhub.api.system;

import java.util.List;

/** One page of a listing, numbered from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> ResultPage<T> of(List<T> items, int page, int size, long totalItems) {
        return new ResultPage<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
