package live.bookhub.api.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cart to check out: which books and how many. Prices are never taken from the client. */
record CheckoutForm(@NotEmpty @Size(max = 50) List<@NotNull @Valid Line> items) {

    record Line(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{24}", message = "must be a 24-character hexadecimal id") String bookId,
            @NotNull @Min(1) @Max(100) Integer quantity) {
    }
}
