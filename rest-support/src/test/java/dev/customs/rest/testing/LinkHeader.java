package dev.customs.rest.testing;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an RFC 8288 Link header the way a paging client would. */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([a-z]+)\"");

    private LinkHeader() {
    }

    /** Each rel with its target's query parameters; empty for an absent header. */
    public static Map<String, Map<String, String>> parse(String header) {
        Map<String, Map<String, String>> links = new TreeMap<>();
        if (header == null) {
            return links;
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Map<String, String> query = new TreeMap<>();
            String rawQuery = URI.create(link.group(1)).getRawQuery();
            for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                query.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
            links.put(link.group(2), query);
        }
        return links;
    }

    /** The target of one rel, to follow it; null when there is none. */
    public static String target(String header, String rel) {
        if (header == null) {
            return null;
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            if (link.group(2).equals(rel)) {
                return link.group(1);
            }
        }
        return null;
    }
}
