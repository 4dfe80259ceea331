package live.bookhub.api.books;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IsbnsTest {

    @ParameterizedTest
    @CsvSource({
            "978-0-13-595705-9, true",
            "9780135957059, true",
            "9780135957058, false",
            "0-306-40615-2, true",
            "080442957X, true",
            "0804429571, false",
            "12345, false",
            "97801359570599, false"})
    void checksTheCheckDigit(String isbn, boolean valid) {
        assertThat(Isbns.isValid(Isbns.normalize(isbn))).isEqualTo(valid);
    }
}
