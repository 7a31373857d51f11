#!/usr/bin/env bash
# Regenerates completions/apitool.bash from the picocli command model. Run it after changing a
# command, option or subcommand; CompletionsTest fails until the checked-in file matches.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -B -DskipTests package
java -cp target/apitool.jar dev.apitool.cli.Completions completions/apitool.bash
echo "wrote completions/apitool.bash"
