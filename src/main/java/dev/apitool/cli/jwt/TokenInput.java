package dev.apitool.cli.jwt;

import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import java.nio.charset.StandardCharsets;

/** Reads the token a command works on: its argument, or standard input. */
final class TokenInput {

    private TokenInput() {}

    /**
     * Returns the token in {@code arg}, or on standard input when it is null or {@code -}. From
     * standard input one final line ending is dropped (it ends the line, it is not part of the
     * token); anything else around the token, in either form, stays and is refused as malformed.
     */
    static String read(String arg, Inputs inputs, boolean interactive) {
        if (arg != null && !arg.equals("-")) {
            return arg;
        }
        if (arg == null && interactive) {
            throw new InputException("no token: pass it as an argument, or pipe it on standard input");
        }
        String s = new String(inputs.readStdin("TOKEN", Limit.TOKEN), StandardCharsets.UTF_8);
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
