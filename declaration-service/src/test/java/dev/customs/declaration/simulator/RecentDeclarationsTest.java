package dev.customs.declaration.simulator;

import dev.customs.declaration.api.DeclarationRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RecentDeclarationsTest {

    private final DeclarationRequest request = new DeclarationGenerator(1, 1e6).next(LocalDate.of(2024, 5, 1));

    @Test
    void remembersOnlyTheNewestWithinTheWindow() {
        RecentDeclarations recent = new RecentDeclarations(10);
        assertThat(recent.pick(new SplittableRandom(1), 10)).isNull();
        for (int i = 0; i < 25; i++) {
            recent.add("id" + i, request);
        }
        SplittableRandom random = new SplittableRandom(1);
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            picked.add(recent.pick(random, 3).declarationId());
        }
        assertThat(picked).containsExactlyInAnyOrder("id22", "id23", "id24");
    }

    @Test
    void cancelledDeclarationsAreNotPickedAgainAndAmendmentsReplaceTheState() {
        RecentDeclarations recent = new RecentDeclarations(4);
        recent.add("a", request);
        recent.add("b", request);
        SplittableRandom random = new SplittableRandom(1);
        RecentDeclarations.Entry newest = recent.pick(random, 1);
        assertThat(newest.declarationId()).isEqualTo("b");
        recent.remove(newest);
        for (int i = 0; i < 100; i++) {
            assertThat(recent.pick(random, 4).declarationId()).isEqualTo("a");
        }
        DeclarationRequest amended = DeclarationGenerator.revalued(request, 1.05);
        recent.replace(recent.pick(random, 4), amended);
        assertThat(recent.pick(random, 4).request()).isEqualTo(amended);
    }
}
