package dev.customs.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 200;

    @Test
    void absentParametersMeanTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.parse(null, null, DEFAULT_LIMIT, MAX_LIMIT)).isEqualTo(new PageRequest(0, DEFAULT_LIMIT));
        assertThat(PageRequest.parse(" 20 ", "200", DEFAULT_LIMIT, MAX_LIMIT)).isEqualTo(new PageRequest(20, 200));
    }

    @ParameterizedTest
    @CsvSource({"-1,5,offset", "x,5,offset", "1.5,5,offset", "0,0,limit", "0,201,limit", "0,ten,limit", "0,-3,limit"})
    void aBadValueIsA400NamingItsParameter(String offset, String limit, String named) {
        assertThatThrownBy(() -> PageRequest.parse(offset, limit, DEFAULT_LIMIT, MAX_LIMIT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().errors()).extracting(Problem.FieldError::field).containsExactly(named);
                });
    }

    @Test
    void theWindowIsEmptyPastTheEnd() {
        List<Integer> all = IntStream.range(0, 25).boxed().toList();
        assertThat(new PageRequest(0, 10).window(all)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(new PageRequest(20, 10).window(all)).containsExactly(20, 21, 22, 23, 24);
        assertThat(new PageRequest(25, 10).window(all)).isEmpty();
        assertThat(new PageRequest(Integer.MAX_VALUE, Integer.MAX_VALUE).window(all)).isEmpty();
        assertThat(new PageRequest(0, Integer.MAX_VALUE).window(all)).hasSize(25);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // offset | limit | total | Link
            "0  | 10 | 25 | <o=10>; rel=\"next\"",
            "10 | 10 | 25 | <o=20>; rel=\"next\", <o=0>; rel=\"prev\"",
            "20 | 10 | 25 | <o=10>; rel=\"prev\"",
            "5  | 10 | 25 | <o=15>; rel=\"next\", <o=0>; rel=\"prev\"",
            "0  | 25 | 25 | ''",
            "0  | 10 | 0  | ''",
            "7  | 10 | 0  | ''",
            // Past the end: back to the last full page.
            "40 | 10 | 25 | <o=15>; rel=\"prev\"",
            "40 | 50 | 25 | <o=0>; rel=\"prev\""})
    void linksToTheNextAndPreviousPagesWhereTheyExist(int offset, int limit, int total, String expected) {
        assertThat(Paging.links(new PageRequest(offset, limit), total, o -> "o=" + o)).isEqualTo(expected);
    }
}
