package id.mpp.tracker.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TrackingNumberTest {

    private static final String LOOK_ALIKES = "0O1ILU";

    @Test
    void generatedNumbersParseBackToThemselves() {
        numbers(500, 1).forEach(number -> {
            assertThat(number.value()).hasSize(10).hasSize(TrackingNumber.LENGTH);
            assertThat(TrackingNumber.parse(number.value())).isEqualTo(number);
        });
    }

    @Test
    void alphabetHasThirtyDistinctCharactersAndNoLookAlikes() {
        assertThat(TrackingNumber.ALPHABET.chars().distinct().count()).isEqualTo(30);
        assertThat(TrackingNumber.ALPHABET).matches("[2-9A-Z]+").doesNotContain(LOOK_ALIKES.split(""));
    }

    @Test
    void generatedNumbersNeverContainLookAlikes() {
        numbers(2_000, 2).forEach(number -> assertThat(number.value()).doesNotContain(LOOK_ALIKES.split("")));
    }

    static Stream<Arguments> typingVariants() {
        return Stream.of(
                arguments("lower case", (UnaryOperator<String>) s -> s.toLowerCase(Locale.ROOT)),
                arguments("grouped with a hyphen", (UnaryOperator<String>) s -> s.substring(0, 5) + "-" + s.substring(5)),
                arguments("grouped with a space", (UnaryOperator<String>) s -> s.substring(0, 5) + " " + s.substring(5)),
                arguments("spaces around and inside", (UnaryOperator<String>) s -> "  " + String.join(" ", s.split("")) + " "),
                arguments("hyphens everywhere, mixed case", (UnaryOperator<String>) s ->
                        "-" + s.substring(0, 3).toLowerCase(Locale.ROOT) + "--" + s.substring(3, 7) + "-" + s.substring(7).toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typingVariants")
    void parseIgnoresCaseSpacesAndHyphens(String variant, UnaryOperator<String> typing) {
        numbers(50, 3).forEach(number ->
                assertThat(TrackingNumber.parse(typing.apply(number.value()))).isEqualTo(number));
    }

    @Test
    void everySingleCharacterSubstitutionIsRejected() {
        var accepted = new ArrayList<String>();
        numbers(5, 4).forEach(number -> {
            String value = number.value();
            for (int position = 0; position < value.length(); position++) {
                for (char replacement : TrackingNumber.ALPHABET.toCharArray()) {
                    if (replacement != value.charAt(position)) {
                        String mistyped = replaceAt(value, position, replacement);
                        if (parses(mistyped)) {
                            accepted.add(value + " -> " + mistyped);
                        }
                    }
                }
            }
        });
        assertThat(accepted).isEmpty();
    }

    @Test
    void mostAdjacentTranspositionsAreCaught() {
        int swaps = 0;
        int caught = 0;
        for (TrackingNumber number : numbers(2_000, 5)) {
            String value = number.value();
            for (int i = 0; i + 1 < value.length(); i++) {
                if (value.charAt(i) != value.charAt(i + 1)) {
                    swaps++;
                    if (!parses(swapAt(value, i))) {
                        caught++;
                    }
                }
            }
        }
        // Luhn mod N misses some transpositions by design, so this is a rate, not a guarantee.
        assertThat((double) caught / swaps).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', 'O', '1', 'I', 'L', 'U'})
    void lookAlikeCharactersAreNamedInTheMessage(char lookAlike) {
        String typed = replaceAt(numbers(1, 6).get(0).value(), 4, lookAlike);

        assertThatThrownBy(() -> TrackingNumber.parse(typed))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'" + lookAlike + "'")
                .hasMessageContaining("0, O, 1, I")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("trackingNumber");
    }

    @Test
    void aLowerCaseLookAlikeIsNamedAsItsCapital() {
        String typed = replaceAt(numbers(1, 7).get(0).value(), 0, 'o');

        assertThatThrownBy(() -> TrackingNumber.parse(typed)).hasMessageContaining("'O'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABCDE", "23456789A", "23456789ABC", "23456-789AB-C", "----------", "          "})
    void numbersOfTheWrongLengthAreRejected(String typed) {
        assertThatThrownBy(() -> TrackingNumber.parse(typed))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("trackingNumber ");
    }

    @Test
    void wrongLengthMessageStatesTheLength() {
        assertThatThrownBy(() -> TrackingNumber.parse("K7M2Q-X9P4")).hasMessageContaining("10 characters");
    }

    @Test
    void displayGroupsFiveAndFive() {
        assertThat(TrackingNumber.of("K7M2QX9P4R").display()).isEqualTo("K7M2Q-X9P4R");
    }

    @Test
    void displayedNumbersParseBack() {
        numbers(50, 8).forEach(number -> assertThat(TrackingNumber.parse(number.display())).isEqualTo(number));
    }

    private static List<TrackingNumber> numbers(int count, long seed) {
        var random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> TrackingNumber.generate(random)).toList();
    }

    private static boolean parses(String typed) {
        try {
            TrackingNumber.parse(typed);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static String replaceAt(String value, int position, char replacement) {
        return value.substring(0, position) + replacement + value.substring(position + 1);
    }

    private static String swapAt(String value, int i) {
        char[] chars = value.toCharArray();
        chars[i] = value.charAt(i + 1);
        chars[i + 1] = value.charAt(i);
        return new String(chars);
    }
}
