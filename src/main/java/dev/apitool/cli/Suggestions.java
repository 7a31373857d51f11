package dev.apitool.cli;

import java.util.Collection;

/** The closest of some names to a mistyped word, by edit distance with transpositions ({@code sgin} → {@code sign}). */
final class Suggestions {

    private Suggestions() {}

    /**
     * Returns the name in {@code names} closest to {@code word}, or null when none is close: at most
     * one edit for words of up to four letters, two for longer ones (an adjacent swap counts as one).
     */
    static String closest(String word, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = word.length() <= 4 ? 1 : 2;
        for (String name : names) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), name);
            if (d <= limit && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Returns the optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
