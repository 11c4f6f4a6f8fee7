package dev.customs.declaration.declarations;

import dev.customs.contract.event.Direction;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads of the declarations store, including the ground truth the consumers' totals must equal. */
@ApplicationScoped
public class DeclarationQueries {

    public record PageOf(int page, int size, long totalItems, List<DeclarationRecord> items) {
    }

    /** Current, non-cancelled declarations: all of them, and those that count in national totals. */
    public record Summary(TradeTotals all, TradeTotals national) {
    }

    private static final String SUMMARY = """
            select d.direction, d.countsNationally, count(d), sum(d.totalValueCny), sum(d.totalValueUsd)
            from DeclarationRecord d
            where d.status <> dev.customs.declaration.declarations.DeclarationStatus.CANCELLED
              and d.declarationDate between :from and :to and (:zone is null or d.zoneCode = :zone)
            group by d.direction, d.countsNationally""";

    public Optional<DeclarationRecord> find(String declarationId) {
        return DeclarationRecord.findByIdOptional(declarationId);
    }

    public PageOf list(String zoneCode, DateRange range, int page, int size) {
        String where = "declarationDate between :from and :to" + (zoneCode == null ? "" : " and zoneCode = :zone");
        Parameters params = Parameters.with("from", range.fromOrMin()).and("to", range.toOrMax());
        if (zoneCode != null) {
            params = params.and("zone", zoneCode);
        }
        PanacheQuery<DeclarationRecord> query = DeclarationRecord.find(where,
                Sort.by("declarationDate").and("declarationId"), params);
        return new PageOf(page, size, query.count(), query.page(Page.of(page, size)).list());
    }

    public Summary summary(DateRange range, String zoneCode) {
        List<Object[]> rows = Panache.getEntityManager().createQuery(SUMMARY, Object[].class)
                .setParameter("from", range.fromOrMin())
                .setParameter("to", range.toOrMax())
                .setParameter("zone", zoneCode)
                .getResultList();
        TradeTotals all = TradeTotals.EMPTY;
        TradeTotals national = TradeTotals.EMPTY;
        for (Object[] row : rows) {
            Direction direction = (Direction) row[0];
            long count = ((Number) row[2]).longValue();
            BigDecimal cny = (BigDecimal) row[3];
            BigDecimal usd = (BigDecimal) row[4];
            all = all.plus(direction, count, cny, usd);
            if ((Boolean) row[1]) {
                national = national.plus(direction, count, cny, usd);
            }
        }
        return new Summary(all, national);
    }
}
