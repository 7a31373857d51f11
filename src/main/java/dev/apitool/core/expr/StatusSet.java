package dev.apitool.core.expr;

/**
 * A set of HTTP status codes, as {@code load --ok-status} spells it: codes and ranges separated by
 * commas, {@code 200-299,404}, or a class such as {@code 2xx}. It is the value side of "status in
 * SET", kept here with the other literals of {@code core.expr}.
 */
public final class StatusSet {

    /** Every status below 400: the default meaning of success. */
    public static final StatusSet BELOW_400 = parse("100-399");

    private final boolean[] member = new boolean[600];
    private final String spec;

    private StatusSet(String spec) {
        this.spec = spec;
    }

    /**
     * Returns the set {@code spec} names; a part left empty after the last comma is ignored ({@code 2xx,}).
     *
     * @throws ExprSyntaxException naming the set and what was expected, at the first bad part
     */
    public static StatusSet parse(String spec) {
        StatusSet set = new StatusSet(spec.strip());
        int at = 0;
        for (String raw : spec.split(",")) {
            String p = raw.strip().toLowerCase(java.util.Locale.ROOT);
            int from;
            int to;
            try {
                if (p.length() == 3 && p.endsWith("xx")) {
                    from = (p.charAt(0) - '0') * 100;
                    to = from + 99;
                } else if (p.contains("-")) {
                    from = Integer.parseInt(p.substring(0, p.indexOf('-')).strip());
                    to = Integer.parseInt(p.substring(p.indexOf('-') + 1).strip());
                } else {
                    from = to = Integer.parseInt(p);
                }
            } catch (NumberFormatException e) {
                from = to = -1;
            }
            if (from < 100 || to > 599 || from > to) {
                throw new ExprSyntaxException("invalid status set '" + spec
                        + "': expected codes 100-599, ranges or classes separated by commas, e.g. 200-299,404 or 2xx,3xx",
                        at + raw.length() - raw.stripLeading().length());
            }
            for (int s = from; s <= to; s++) {
                set.member[s] = true;
            }
            at += raw.length() + 1;
        }
        return set;
    }

    /** Returns whether {@code status} is in the set; codes outside 100-599 never are. */
    public boolean contains(int status) {
        return status >= 0 && status < member.length && member[status];
    }

    @Override
    public String toString() {
        return spec;
    }
}
