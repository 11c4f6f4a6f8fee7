package dev.customs.statistics.totals;

import dev.customs.contract.reference.HsChapter;
import dev.customs.contract.reference.HsSection;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** National trade by HS section or chapter, in code order, only where there was trade. */
@ApplicationScoped
public class CommodityTotalsService {

    /**
     * @param code   the chapter's two digits or the section's roman numeral
     * @param totals imports and exports; its count is of goods items, as one declaration may span chapters
     */
    public record CommodityTotal(String code, String title, TradeTotals totals) {
    }

    private final ReferenceData reference = ReferenceData.standard();
    private final DailyTotalsQueries queries;

    public CommodityTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    public List<CommodityTotal> totals(DateRange range, CommodityLevel level) {
        return switch (level) {
            case chapter -> totalsByChapter(range);
            case section -> totalsBySection(range);
        };
    }

    private List<CommodityTotal> totalsByChapter(DateRange range) {
        return queries.byChapter(range).entrySet().stream()
                .map(e -> new CommodityTotal(e.getKey(), chapter(e.getKey()).title(), e.getValue()))
                .toList();
    }

    private List<CommodityTotal> totalsBySection(DateRange range) {
        Map<HsSection, List<TradeTotals>> bySection = new TreeMap<>(Comparator.comparingInt(HsSection::number));
        queries.byChapter(range).forEach((code, totals) ->
                bySection.computeIfAbsent(reference.sectionOf(chapter(code)), s -> new ArrayList<>()).add(totals));
        return bySection.entrySet().stream()
                .map(e -> new CommodityTotal(e.getKey().roman(), e.getKey().title(), TotalsMath.sum(e.getValue())))
                .toList();
    }

    private HsChapter chapter(String code) {
        // Ingest only accepts commodity codes whose chapter exists, so a miss means the tables are corrupt.
        return reference.hsChapter(code).orElseThrow(() -> new IllegalStateException("unknown HS chapter " + code));
    }
}
