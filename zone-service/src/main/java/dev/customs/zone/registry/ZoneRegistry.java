package dev.customs.zone.registry;

import dev.customs.contract.reference.ZoneType;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The areas this service knows, from its own zones table. */
@ApplicationScoped
public class ZoneRegistry {

    public List<Area> find(ZoneType type, String province) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (type != null) {
            where.add("type = :type");
            params = params.and("type", type);
        }
        if (province != null) {
            where.add("lower(province) = lower(:province)");
            params = params.and("province", province);
        }
        return where.isEmpty() ? Area.listAll(Sort.by("code"))
                : Area.find(String.join(" and ", where), Sort.by("code"), params).list();
    }

    public Optional<Area> byCode(String code) {
        return Area.findByIdOptional(code);
    }
}
