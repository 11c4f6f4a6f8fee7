package dev.customs.declaration.simulator;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;
import dev.customs.contract.reference.Zone;
import dev.customs.contract.reference.ZoneType;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import dev.customs.declaration.rates.RateSource;
import dev.customs.declaration.rates.RateTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static dev.customs.declaration.simulator.Calibration.*;

/**
 * Generates plausible declarations, calibrated by value to China's published 2024 trade figures (see
 * docs/simulator-calibration.md). Deterministic: the same seed and the same sequence of dates give the same
 * declarations. Not thread-safe; use one generator per thread.
 */
public final class DeclarationGenerator {

    private static final int MONEY_SCALE = 2;
    private static final int CENTS = 100;
    /** Keeps every currency amount within the 16 integer digits a request allows, even in KRW. */
    private static final double MAX_DECLARATION_VALUE_CNY = 1e13;


    private static final double MAX_RANK_EXPONENT = 20;
    /** A partner's weight is scaled by at most this in a year of partner-shares.csv. */
    private static final double MAX_PARTNER_FACTOR = 100;
    private static final int BISECTION_STEPS = 60;

    /** One way of trading: outside areas (flow null) or one area flow, with its supervision modes. */
    private record FlowPlan(ZoneFlow flow, Weighted<String> modes, double twoWayExportProbability) {
    }

    /** The contract's table, read once for generators that are not given the service's rates. */
    private static final class ContractRates {
        static final RateTable TABLE = RateTable.contract();
    }

    private final ReferenceData reference;
    private final RateSource rates;
    private final SplittableRandom random;
    private final double meanValueCny;
    private final double[] monthFactors;
    private final Weighted<FlowPlan> flows;
    private final Weighted<Zone> zones;
    /** The zone draws of supervision modes restricted to some area types, by their types. */
    private final Map<Set<ZoneType>, Weighted<Zone>> zonesOfTypes = new HashMap<>();
    private final Map<Direction, List<Weighted.Option<Country>>> partnerOptions = new EnumMap<>(Direction.class);
    /** Per year: the base year's weights, or for a year of partner-shares.csv that year's. */
    private final Map<Integer, Map<Direction, Weighted<Country>>> partnersByYear = new HashMap<>();
    private final Weighted<Port> ports;
    private final Declarants declarants;
    private final Weighted<String> carriers = Weighted.of(CARRIERS);
    private final Weighted<String> importTerms = Weighted.of(IMPORT_TERMS);
    private final Weighted<String> exportTerms = Weighted.of(EXPORT_TERMS);
    /** Imports from a partner without affinities, and the rest of those from a partner with them. */
    private final Weighted<Product> importGoods;
    private final Map<String, PartnerGoods> partnerGoods;
    private final Weighted<Product> exportGoods = Weighted.of(EXPORT_GOODS);
    private final Weighted<Integer> itemCounts = Weighted.of(ITEM_COUNTS);

    /**
     * @param meanValueCny the average value of one declaration in a year at the 2024 level; see
     *                     {@link #meanValueCny(double, double)}
     */
    public DeclarationGenerator(long seed, double meanValueCny) {
        this(RateSource.of(ContractRates.TABLE), seed, meanValueCny);
    }

    /** @param rates the service's rates: beyond the published table they carry the latest forward */
    public DeclarationGenerator(RateSource rates, long seed, double meanValueCny) {
        this(ReferenceData.standard(), rates, seed, meanValueCny);
    }

    DeclarationGenerator(ReferenceData reference, RateSource rates, long seed, double meanValueCny) {
        if (!(meanValueCny > 0)) {
            throw new IllegalArgumentException("mean value must be positive: " + meanValueCny);
        }
        this.reference = reference;
        this.rates = rates;
        this.random = new SplittableRandom(seed);
        this.meanValueCny = meanValueCny;
        double averageMonth = Arrays.stream(MONTH_FACTORS).average().orElseThrow();
        this.monthFactors = Arrays.stream(MONTH_FACTORS).map(f -> f / averageMonth).toArray();
        this.flows = Weighted.of(List.of(
                Weighted.option(plan(null, OUTSIDE_MODES, OUTSIDE_EXPORT_SHARE), (1 - ZONE_SHARE) * NATIONAL_FRACTION),
                Weighted.option(plan(ZoneFlow.FIRST_LINE, FIRST_LINE_MODES, ZONE_EXPORT_SHARE),
                        AREA_PER_NATIONAL * FIRST_LINE_SHARE_OF_AREA * NATIONAL_FRACTION),
                Weighted.option(plan(ZoneFlow.SECOND_LINE, SECOND_LINE_MODES, 1 - SECOND_LINE_IMPORT_SHARE),
                        AREA_PER_NATIONAL * SECOND_LINE_SHARE_OF_AREA * NATIONAL_FRACTION),
                Weighted.option(plan(ZoneFlow.INTRA_ZONE, INTRA_ZONE_MODES, 1 - INTRA_ZONE_IMPORT_SHARE),
                        AREA_PER_NATIONAL * INTRA_ZONE_SHARE_OF_AREA * NATIONAL_FRACTION)));
        List<Weighted.Option<Zone>> zoneOptions = zoneWeights(reference);
        this.zones = Weighted.of(zoneOptions);
        // A mode restricted to some area types draws only those areas, with the same relative weights.
        for (List<Weighted.Option<String>> modes : List.of(FIRST_LINE_MODES, SECOND_LINE_MODES, INTRA_ZONE_MODES)) {
            for (Weighted.Option<String> mode : modes) {
                Set<ZoneType> types = reference.tradeMode(mode.value()).orElseThrow().areaTypes();
                if (!types.isEmpty() && !zonesOfTypes.containsKey(types)) {
                    List<Weighted.Option<Zone>> allowed = zoneOptions.stream()
                            .filter(o -> types.contains(o.value().type())).toList();
                    if (allowed.isEmpty()) {
                        throw new IllegalStateException("supervision mode " + mode.value() + " needs an area of type "
                                + types + " and the reference data has none");
                    }
                    zonesOfTypes.put(types, Weighted.of(allowed));
                }
            }
        }
        for (Direction direction : Direction.values()) {
            partnerOptions.put(direction, partnerWeights(reference, direction));
        }
        PARTNER_SHARES.forEach((year, shares) -> partners(year));
        this.partnerGoods = partnerGoods();
        this.importGoods = residualImportGoods(partnerOptions.get(Direction.IMPORT));
        this.ports = Weighted.of(PORTS);
        this.declarants = new Declarants(reference, zones);
        PORTS.forEach(p -> reference.province(p.value().province()).orElseThrow(() -> new IllegalStateException(
                "ports.csv: " + p.value().office() + " is in " + p.value().province() + ", which provinces.csv does not list")));
    }

    /**
     * The average value of a declaration (CNY) when a simulator files {@code declarationsPerDay} declarations
     * a day and national trade is to come out at {@code valueScale} times its 2024 level. Second-line and
     * intra-zone moves do not count nationally, nor do modes outside trade statistics, so the declarations that
     * do count carry the national total.
     */
    public static double meanValueCny(double declarationsPerDay, double valueScale) {
        return NATIONAL_TRADE_CNY * valueScale / DAYS_PER_YEAR / (declarationsPerDay * NATIONAL_FRACTION * COUNTED_FRACTION);
    }

    public DeclarationRequest next(LocalDate date) {
        FlowPlan plan = flows.pick(random);
        Weighted.Pick<String> mode = plan.modes().draw(random);
        TradeMode tradeMode = reference.tradeMode(mode.value()).orElseThrow();
        Direction direction = tradeMode.onlyDirection();
        if (direction == null) {
            direction = random.nextDouble() < plan.twoWayExportProbability() ? Direction.EXPORT : Direction.IMPORT;
        }
        Zone zone = plan.flow() == null ? null
                : (tradeMode.areaTypes().isEmpty() ? zones : zonesOfTypes.get(tradeMode.areaTypes())).pick(random);
        String office = zone == null ? ports.pick(random).office() : zone.customsOffice();
        Country partner = partners(date.getYear()).get(direction).pick(random);
        String currency = currency(partner);
        BigDecimal rate = rates.rate(currency, YearMonth.from(date)).map(RateTable.Rate::cnyPerUnit).orElse(null);
        if (rate == null) {
            // Before the table starts: CNY needs no rate of its own (the service still needs USD's).
            currency = ReferenceData.CNY;
            rate = BigDecimal.ONE;
        }
        double valueCny = Math.min(MAX_DECLARATION_VALUE_CNY,
                meanValueCny * dateFactor(date, direction) * mode.multiplier() * logNormal());
        return new DeclarationRequest(null, date, direction, zone == null ? null : zone.code(), plan.flow(),
                mode.value(), office, declarants.pick(zone, date.getYear(), random), partner.alpha2(), transportMode(plan.flow(), direction, zone),
                (direction == Direction.IMPORT ? importTerms : exportTerms).pick(random), currency,
                items(direction, partner, valueCny, rate));
    }

    /** The same declaration with every item's value multiplied by {@code factor}: what an amendment files. */
    public static DeclarationRequest revalued(DeclarationRequest request, double factor) {
        List<ItemRequest> items = new ArrayList<>(request.items().size());
        boolean changed = false;
        for (ItemRequest item : request.items()) {
            BigDecimal value = item.value().multiply(BigDecimal.valueOf(factor)).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN)
                    .max(BigDecimal.ONE.movePointLeft(MONEY_SCALE));
            changed |= value.compareTo(item.value()) != 0;
            items.add(new ItemRequest(item.itemNo(), item.hsCode(), item.quantity(), item.unit(), value));
        }
        if (!changed) {
            // Too small to move by rounding: a cent makes it a real amendment all the same.
            ItemRequest first = items.get(0);
            items.set(0, new ItemRequest(first.itemNo(), first.hsCode(), first.quantity(), first.unit(),
                    first.value().add(BigDecimal.ONE.movePointLeft(MONEY_SCALE))));
        }
        return new DeclarationRequest(request.declarationId(), request.declarationDate(), request.direction(),
                request.zoneCode(), request.zoneFlow(), request.tradeMode(), request.customsOffice(),
                request.declarantCode(), request.partnerCountry(), request.transportMode(), request.transactionTerms(),
                request.currency(), items);
    }

    /** Trend and season: 1 on average over 2024 in each direction, then each year as annual-growth.csv has it. */
    double dateFactor(LocalDate date, Direction direction) {
        return level(date.getYear(), direction) * monthFactors[date.getMonthValue() - 1];
    }

    /** A year's level of one direction's trade against 2024's. */
    static double level(int year, Direction direction) {
        double level = 1;
        for (int y = BASE_YEAR + 1; y <= year; y++) {
            level *= 1 + growth(y).of(direction);
        }
        for (int y = BASE_YEAR; y > year; y--) {
            level /= 1 + growth(y).of(direction);
        }
        return level;
    }

    private static Growth growth(int year) {
        Map.Entry<Integer, Growth> known = ANNUAL_GROWTH.floorEntry(year);
        return (known != null ? known : ANNUAL_GROWTH.firstEntry()).getValue();
    }

    private double logNormal() {
        return Math.exp(VALUE_SIGMA * random.nextGaussian() - VALUE_SIGMA * VALUE_SIGMA / 2);
    }

    private List<ItemRequest> items(Direction direction, Country partner, double valueCny, BigDecimal rate) {
        int count = itemCounts.pick(random);
        double cnyPerUnit = rate.doubleValue();
        long minCents = (long) Math.ceil(MIN_ITEM_VALUE_CNY / cnyPerUnit * CENTS);
        long totalCents = Math.max(count * minCents, Math.round(valueCny / cnyPerUnit * CENTS));
        // Exponential weights give a uniform random split of the total (a flat Dirichlet).
        double[] weights = IntStream.range(0, count).mapToDouble(i -> -Math.log(1 - random.nextDouble())).toArray();
        double sum = Arrays.stream(weights).sum();
        long spare = totalCents - count * minCents;
        long allocated = 0;
        List<ItemRequest> items = new ArrayList<>(count);
        PartnerGoods affinities = direction == Direction.IMPORT ? partnerGoods.get(partner.alpha2()) : null;
        for (int i = 0; i < count; i++) {
            long cents = i < count - 1 ? minCents + (long) (spare * weights[i] / sum) : totalCents - allocated;
            allocated += cents;
            Product product;
            if (direction == Direction.EXPORT) {
                product = exportGoods.pick(random);
            } else if (affinities != null && random.nextDouble() < affinities.share()) {
                product = affinities.goods().pick(random);
            } else {
                product = importGoods.pick(random);
            }
            long quantity = Math.max(1, Math.round(cents * cnyPerUnit / CENTS / product.unitPriceCny()));
            items.add(new ItemRequest(i + 1, product.hsCode(), BigDecimal.valueOf(quantity), product.unit(),
                    BigDecimal.valueOf(cents, MONEY_SCALE)));
        }
        return items;
    }

    private String currency(Country partner) {
        if (random.nextDouble() < CNY_CURRENCY_SHARE) {
            return ReferenceData.CNY;
        }
        String home = partner.isIn("EU") ? EU_CURRENCY : HOME_CURRENCIES.get(partner.alpha2());
        boolean useHome = random.nextDouble() < HOME_CURRENCY_SHARE;
        return useHome && home != null && reference.currencies().contains(home) ? home : DEFAULT_CURRENCY;
    }

    private String transportMode(ZoneFlow flow, Direction direction, Zone zone) {
        if (flow == null || flow == ZoneFlow.FIRST_LINE) {
            return carriers.pick(random);
        }
        // Moves that cross no border carry the area's transport code for its type, flow and direction.
        return reference.areaTransportCode(zone.type(), flow, direction).orElseThrow(() -> new IllegalStateException(
                "no area transport code for " + zone.type() + " " + flow + " " + direction));
    }

    /** Per flow, the probability that a two-way mode is an export, so the flow's export value share holds. */
    private FlowPlan plan(ZoneFlow flow, List<Weighted.Option<String>> modes, double exportShare) {
        double total = 0;
        double oneWayExports = 0;
        double oneWayImports = 0;
        for (Weighted.Option<String> mode : modes) {
            TradeMode known = reference.tradeMode(mode.value())
                    .orElseThrow(() -> new IllegalStateException("unknown supervision mode " + mode.value()));
            if (!known.allows(flow)) {
                throw new IllegalStateException("supervision mode " + mode.value() + " is not allowed for " + flow);
            }
            total += mode.share();
            Direction oneWay = known.onlyDirection();
            oneWayExports += oneWay == Direction.EXPORT ? mode.share() : 0;
            oneWayImports += oneWay == Direction.IMPORT ? mode.share() : 0;
        }
        double probability = (exportShare * total - oneWayExports) / (total - oneWayExports - oneWayImports);
        if (probability < 0 || probability > 1) {
            throw new IllegalStateException("one-way modes of " + flow + " make an export share of " + exportShare + " impossible");
        }
        return new FlowPlan(flow, Weighted.of(modes), probability);
    }

    /**
     * The leading areas first, then the rest in code order, weighted (rank + offset)^-s with s fitted to the top
     * areas' share. The offset flattens the head so that the leaders are of similar size, as published.
     */
    private static List<Weighted.Option<Zone>> zoneWeights(ReferenceData reference) {
        List<Zone> ranked = new ArrayList<>();
        LEADING_AREAS.forEach(code -> ranked.add(reference.zone(code)
                .orElseThrow(() -> new IllegalStateException("leading area " + code + " is not in the reference data"))));
        reference.zones().stream().filter(z -> !LEADING_AREAS.contains(z.code())).forEach(ranked::add);
        double exponent = rankExponent(ranked.size(), TOP_AREAS, TOP_AREAS_SHARE, AREA_RANK_OFFSET);
        return IntStream.range(0, ranked.size())
                .mapToObj(i -> Weighted.option(ranked.get(i), rankWeight(i + 1, exponent, AREA_RANK_OFFSET)))
                .toList();
    }

    /** The exponent s for which ranks 1..top of 1..n hold {@code share} of the sum of (rank + offset)^-s. */
    static double rankExponent(int n, int top, double share, double offset) {
        double low = 0;
        double high = MAX_RANK_EXPONENT;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = (low + high) / 2;
            if (topShare(n, top, mid, offset) < share) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    static double rankWeight(int rank, double exponent, double offset) {
        return Math.pow(rank + offset, -exponent);
    }

    private static double topShare(int n, int top, double exponent, double offset) {
        double topSum = 0;
        double all = 0;
        for (int rank = 1; rank <= n; rank++) {
            double weight = rankWeight(rank, exponent, offset);
            all += weight;
            topSum += rank <= top ? weight : 0;
        }
        return topSum / all;
    }

    /**
     * One direction's 2024 trade per partner, plus the Belt and Road trade of partners the reference file does
     * not list, spread evenly over the listed Belt and Road partners outside the groups the file lists completely.
     * That fill is counted over both directions, so that Belt and Road partners hold their published share of
     * all the weights, and split between the directions as the national trade the file does not list is.
     */
    private static List<Weighted.Option<Country>> partnerWeights(ReferenceData reference, Direction direction) {
        List<Country> countries = reference.countries();
        double[] weights = countries.stream().mapToDouble(c -> partnerUsdBn(c, direction)).toArray();
        double listedBeltAndRoad = 0;
        double listed = 0;
        double listedThisWay = Arrays.stream(weights).sum();
        List<Integer> standIns = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            Country c = countries.get(i);
            double both = partnerUsdBn(c, Direction.EXPORT) + partnerUsdBn(c, Direction.IMPORT);
            listed += both;
            if (c.isIn("BELT_AND_ROAD")) {
                listedBeltAndRoad += both;
                if (COMPLETE_GROUPS.stream().noneMatch(c::isIn)) {
                    standIns.add(i);
                }
            }
        }
        // The fill f that makes Belt and Road partners hold their share of all the weights, listed + f.
        double unlistedBeltAndRoad = Math.max(0, (BELT_AND_ROAD_SHARE * listed - listedBeltAndRoad) / (1 - BELT_AND_ROAD_SHARE));
        double directionShare = direction == Direction.EXPORT ? EXPORT_SHARE : 1 - EXPORT_SHARE;
        double unlistedThisWay = Math.max(0, directionShare * NATIONAL_TRADE_USD_BN - listedThisWay);
        double unlisted = Math.max(0, NATIONAL_TRADE_USD_BN - listed);
        double fill = unlisted == 0 ? 0 : unlistedBeltAndRoad * unlistedThisWay / unlisted;
        standIns.forEach(i -> weights[i] += fill / standIns.size());
        return IntStream.range(0, countries.size())
                .mapToObj(i -> Weighted.option(countries.get(i), weights[i]))
                .toList();
    }

    private Map<Direction, Weighted<Country>> partners(int year) {
        return partnersByYear.computeIfAbsent(PARTNER_SHARES.containsKey(year) ? year : BASE_YEAR, y -> {
            Map<String, Double> shares = PARTNER_SHARES.getOrDefault(y, Map.of());
            shares.keySet().forEach(partner -> reference.country(partner).orElseThrow(() ->
                    new IllegalStateException("partner-shares.csv names " + partner + ", which is not a partner")));
            Map<Direction, Weighted<Country>> byDirection = new EnumMap<>(Direction.class);
            for (Direction direction : Direction.values()) {
                byDirection.put(direction, Weighted.of(partnerOptions.get(direction).stream()
                        .map(o -> Weighted.option(o.value(), o.share() * factor(y, o.value().alpha2(), shares)))
                        .toList()));
            }
            return byDirection;
        });
    }

    /**
     * The factor k on both of a partner's weights that gives it {@code shares}' share of the year's trade, where
     * each direction's weights are that direction's trade and the directions weigh as the year's levels have them.
     */
    private double factor(int year, String partner, Map<String, Double> shares) {
        Double wanted = shares.get(partner);
        if (wanted == null) {
            return 1;
        }
        double exports = EXPORT_SHARE * level(year, Direction.EXPORT);
        double imports = (1 - EXPORT_SHARE) * level(year, Direction.IMPORT);
        double low = 0;
        double high = MAX_PARTNER_FACTOR;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double k = (low + high) / 2;
            double share = (exports * shareWith(Direction.EXPORT, partner, k) + imports * shareWith(Direction.IMPORT, partner, k))
                    / (exports + imports);
            if (share < wanted) {
                low = k;
            } else {
                high = k;
            }
        }
        return (low + high) / 2;
    }

    private double shareWith(Direction direction, String partner, double k) {
        double all = 0;
        double own = 0;
        for (Weighted.Option<Country> option : partnerOptions.get(direction)) {
            boolean isPartner = option.value().alpha2().equals(partner);
            all += option.share() * (isPartner ? k : 1);
            own += isPartner ? option.share() * k : 0;
        }
        return own / all;
    }

    private static double partnerUsdBn(Country country, Direction direction) {
        PartnerTrade trade = PARTNER_TRADE.get(country.alpha2());
        return trade == null ? UNKNOWN_PARTNER_USD_BN : trade.usdBn(direction);
    }

    /** A partner's own import mix: the share of its imports it covers and the products, weighted. */
    private record PartnerGoods(double share, Weighted<Product> goods) {
    }

    private static Map<String, PartnerGoods> partnerGoods() {
        Map<String, Product> byCode = importProducts();
        Map<String, PartnerGoods> goods = new HashMap<>();
        IMPORT_AFFINITIES.forEach((partner, affinities) -> goods.put(partner, new PartnerGoods(
                affinities.stream().mapToDouble(Affinity::share).sum(),
                Weighted.of(affinities.stream().map(a -> Weighted.option(byCode.get(a.hsCode()), a.share())).toList()))));
        return Map.copyOf(goods);
    }

    /**
     * The national import mix less what partners' affinities already place, so that affinities move imports
     * between partners without changing the mix: each product keeps {@code share x imports} in all.
     */
    private static Weighted<Product> residualImportGoods(List<Weighted.Option<Country>> importPartners) {
        double imports = importPartners.stream().mapToDouble(Weighted.Option::share).sum();
        double goodsShares = IMPORT_GOODS.stream().mapToDouble(Weighted.Option::share).sum();
        Map<String, Double> placed = new HashMap<>();
        for (Weighted.Option<Country> partner : importPartners) {
            IMPORT_AFFINITIES.getOrDefault(partner.value().alpha2(), List.of()).forEach(a ->
                    placed.merge(a.hsCode(), partner.share() * a.share(), Double::sum));
        }
        List<Weighted.Option<Product>> residual = new ArrayList<>();
        for (Weighted.Option<Product> product : IMPORT_GOODS) {
            double total = product.share() / goodsShares * imports;
            double rest = total - placed.getOrDefault(product.value().hsCode(), 0.0);
            if (rest < 0) {
                throw new IllegalStateException("import affinities place more " + product.value().hsCode()
                        + " than the national import mix holds: USD " + (total - rest) + " bn of " + total + " bn");
            }
            if (rest > 0) {
                residual.add(Weighted.option(product.value(), rest));
            }
        }
        return Weighted.of(residual);
    }

    private static Map<String, Product> importProducts() {
        Map<String, Product> byCode = new HashMap<>();
        IMPORT_GOODS.forEach(p -> byCode.put(p.value().hsCode(), p.value()));
        IMPORT_AFFINITIES.values().forEach(list -> list.forEach(a -> {
            if (!byCode.containsKey(a.hsCode())) {
                throw new IllegalStateException("import-affinities.csv names " + a.hsCode() + ", which goods.csv does not import");
            }
        }));
        return byCode;
    }
}
