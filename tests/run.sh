#!/usr/bin/env bash
# The whole test suite on a fresh machine with the .NET 10 SDK: installs what the tests need, restores NuGet
# packages, builds once in Release and runs every test project. CI calls exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
    echo "tests/run.sh: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
    exit 1
fi

# Debian packages, installed with apt-get so that a fresh machine needs nothing else. chromium: the browser tests
# (tests/NewsAggregator.Browser.Tests) drive /usr/bin/chromium; Playwright's own browser download is never used.
# systemd: `systemd-analyze verify` checks the shipped unit file (tests/NewsAggregator.Tests/Service).
# PostgreSQL (scale-out store) joins this list with the issue that brings it.
apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
[ -x /usr/bin/systemd-analyze ] || apt_packages+=(systemd)
if [ ${#apt_packages[@]} -gt 0 ]; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${apt_packages[@]}"
fi

# The feedparser fixture corpus and the evaluation corpora live in ../shared beside the clone.
if [ ! -d ../shared/fixtures/feedparser ]; then
    echo "tests/run.sh: ../shared/fixtures/feedparser not found beside the repository; the fixture tests will fail" >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# PowerShell, as a .NET tool from nuget.org, runs the Windows install script with its Windows-only commands recorded.
if ! command -v pwsh >/dev/null 2>&1 && [ ! -x .tools/pwsh ]; then
    dotnet tool install --tool-path .tools PowerShell
fi
dotnet build NewsAggregator.sln -c Release -warnaserror
dotnet test NewsAggregator.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
