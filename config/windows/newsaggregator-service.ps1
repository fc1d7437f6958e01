<#
.SYNOPSIS
    Installs, configures, starts, stops or removes NewsAggregator as a Windows service.

.DESCRIPTION
    Install copies nothing: publish first (dotnet publish src/NewsAggregator -c Release -o C:\Program Files\NewsAggregator)
    and point -InstallDir at that folder. Install then
      - creates the data folder and gives the service's virtual account (NT SERVICE\<name>) modify rights on it only;
      - registers the service (automatic delayed start) running newsagg.exe under that virtual account;
      - sets the service's environment (database path, feed list, listen address) in its registry key;
      - configures recovery: restart after 5 s, 5 s and 60 s, failure count reset after a day, and a non-zero exit
        counted as a failure (Windows cannot exempt an exit code the way systemd's RestartPreventExitStatus does: a
        configuration error, exit 2, is retried three times and then left stopped, its message in the Event Log);
      - starts the service unless -NoStart.
    Uninstall stops and deletes the service and keeps the data folder (the database) unless -RemoveData.
    Logs go to the Windows Event Log (Application, source NewsAggregator).

.EXAMPLE
    .\newsaggregator-service.ps1 -Action Install -InstallDir 'C:\Program Files\NewsAggregator' -DataDir 'C:\ProgramData\NewsAggregator'
.EXAMPLE
    .\newsaggregator-service.ps1 -Action Uninstall
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet('Install', 'Start', 'Stop', 'Status', 'Uninstall')]
    [string] $Action,

    [string] $ServiceName = 'NewsAggregator',

    # The folder `dotnet publish` wrote (holds newsagg.exe, config\ and db\).
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'NewsAggregator'),

    # The database and anything else the service writes.
    [string] $DataDir = (Join-Path $env:ProgramData 'NewsAggregator'),

    # The feed list; by default the one shipped in the program folder.
    [string] $FeedsFile = '',

    # Where the web page, /healthz, /readyz and /metrics listen. Loopback unless a reverse proxy is in front.
    [string] $Urls = 'http://127.0.0.1:5080',

    # Install without starting (to edit configuration first).
    [switch] $NoStart,

    # Uninstall also deletes the data folder with the database. Without it the database is kept.
    [switch] $RemoveData
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$account = "NT SERVICE\$ServiceName"

function Get-NewsAggregatorService {
    Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
}

# sc.exe reports failure through its exit code, not an exception: turn that into one.
function Invoke-Sc {
    param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $Arguments)
    $output = & sc.exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "sc.exe $($Arguments -join ' ') failed with exit code ${LASTEXITCODE}: $output"
    }
}

function Install-NewsAggregator {
    $exe = Join-Path $InstallDir 'newsagg.exe'
    if (-not (Test-Path -LiteralPath $exe -PathType Leaf)) {
        throw "$exe not found: publish first (dotnet publish src/NewsAggregator -c Release -o `"$InstallDir`")."
    }
    if (Get-NewsAggregatorService) {
        throw "A service named $ServiceName already exists. To upgrade: -Action Stop, copy the new build over $InstallDir, -Action Start."
    }
    $feeds = if ($FeedsFile) { $FeedsFile } else { Join-Path $InstallDir 'config\feeds.json' }

    if ($PSCmdlet.ShouldProcess($DataDir, 'Create data folder')) {
        New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
    }
    if ($PSCmdlet.ShouldProcess($ServiceName, "Create service running $exe")) {
        New-Service -Name $ServiceName -BinaryPathName "`"$exe`"" -DisplayName 'NewsAggregator' `
            -Description 'Polls news feeds, clusters stories and traces their sources.' -StartupType Automatic | Out-Null
        # Delayed start: after the network and the services it depends on are up.
        Invoke-Sc config $ServiceName start= delayed-auto
        # A virtual account: no password to manage, no rights beyond what is granted here.
        Invoke-Sc config $ServiceName obj= $account
        # Restart after 5 s, 5 s, then 60 s; the failure count resets after a day without failures.
        Invoke-Sc failure $ServiceName reset= 86400 actions= restart/5000/restart/5000/restart/60000
        # Count a non-zero exit as a failure too, not only a crash.
        Invoke-Sc failureflag $ServiceName 1
    }
    if ($PSCmdlet.ShouldProcess($DataDir, "Grant $account modify rights")) {
        # Inherited by the database file and its -wal/-shm companions.
        & icacls.exe $DataDir /grant "${account}:(OI)(CI)M" | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "icacls.exe could not grant $account rights on $DataDir (exit $LASTEXITCODE)" }
    }
    if ($PSCmdlet.ShouldProcess($ServiceName, 'Set environment')) {
        # The service's own environment (REG_MULTI_SZ "Environment" under its key): NEWSAGG_Section__Key=value.
        $environment = @(
            "NEWSAGG_Storage__Path=$(Join-Path $DataDir 'newsagg.db')",
            "NEWSAGG_Feeds__File=$feeds",
            "NEWSAGG_Urls=$Urls",
            'DOTNET_CLI_TELEMETRY_OPTOUT=1'
        )
        $key = "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName"
        New-ItemProperty -Path $key -Name 'Environment' -PropertyType MultiString -Value $environment -Force | Out-Null
    }
    # The schema first, as the service account will find it: a clear error here beats a service that stops at once.
    if ($PSCmdlet.ShouldProcess($DataDir, 'Apply database migrations')) {
        & $exe migrate --db (Join-Path $DataDir 'newsagg.db')
        if ($LASTEXITCODE -ne 0) { throw "newsagg migrate failed with exit code $LASTEXITCODE" }
    }
    Write-Host "Installed $ServiceName ($exe) as $account; data in $DataDir; listening on $Urls."
    if (-not $NoStart) { Start-NewsAggregator }
}

function Start-NewsAggregator {
    if (-not (Get-NewsAggregatorService)) { throw "No service named $ServiceName; install it first." }
    if ($PSCmdlet.ShouldProcess($ServiceName, 'Start service')) {
        Start-Service -Name $ServiceName
        Write-Host "$ServiceName started. Health: $Urls/healthz, readiness: $Urls/readyz."
    }
}

function Stop-NewsAggregator {
    if (-not (Get-NewsAggregatorService)) { throw "No service named $ServiceName." }
    if ($PSCmdlet.ShouldProcess($ServiceName, 'Stop service')) {
        # Polls in flight get Scheduling:ShutdownGraceSeconds to finish.
        Stop-Service -Name $ServiceName
    }
}

function Uninstall-NewsAggregator {
    $service = Get-NewsAggregatorService
    if (-not $service) {
        Write-Host "No service named $ServiceName; nothing to remove."
    }
    else {
        if ($service.Status -ne 'Stopped' -and $PSCmdlet.ShouldProcess($ServiceName, 'Stop service')) {
            Stop-Service -Name $ServiceName
        }
        if ($PSCmdlet.ShouldProcess($ServiceName, 'Delete service')) {
            Invoke-Sc delete $ServiceName
        }
    }
    if ($RemoveData) {
        if ($PSCmdlet.ShouldProcess($DataDir, 'Delete data folder and database')) {
            Remove-Item -LiteralPath $DataDir -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
    else {
        Write-Host "Kept the data folder $DataDir (the database); -RemoveData deletes it."
    }
}

switch ($Action) {
    'Install' { Install-NewsAggregator }
    'Start' { Start-NewsAggregator }
    'Stop' { Stop-NewsAggregator }
    'Status' {
        $service = Get-NewsAggregatorService
        if ($service) { $service | Select-Object Name, Status, StartType } else { Write-Host "No service named $ServiceName." }
    }
    'Uninstall' { Uninstall-NewsAggregator }
}
