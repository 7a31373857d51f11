package dev.apitool.core.config;

import java.util.Collection;
import java.util.Locale;

/**
 * The "did you mean" suggestion for a mistyped name: the known name nearest to it by
 * Levenshtein edit distance, ignoring case, when it is at most two edits away.
 */
public final class DidYouMean {

    /** The largest edit distance that still makes a suggestion. */
    public static final int MAX_DISTANCE = 2;

    private DidYouMean() {}

    /** Returns the name in {@code known} nearest to {@code name} within {@link #MAX_DISTANCE} edits (the first on a tie), or null. */
    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Returns {@code " (did you mean 'NAME'?)"} for the nearest known name, or an empty string. */
    public static String suffix(String name, Collection<String> known) {
        String s = closest(name, known);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Returns the Levenshtein distance between {@code a} and {@code b} (insertions, deletions, substitutions). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
