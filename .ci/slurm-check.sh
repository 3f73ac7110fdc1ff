#!/usr/bin/env bash
# Runs a tiny DecapSim experiment as a 2-task job array on a REAL single-node Slurm (see docs in
# /work/shared/design/SLURM.md), merges the shards and compares the analysis with a local run byte for byte.
# Needs root (installs slurmctld/slurmd/munge with apt if missing) and the built CLI
# (src/DecapSim.Cli/bin/Release/net10.0/decapsim.dll; built here if missing). Prints "slurm: ok" or fails with a message.
# Every wait has a timeout; the daemons it started are stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DLL="$ROOT/src/DecapSim.Cli/bin/Release/net10.0/decapsim.dll"
WORK=$(mktemp -d /tmp/decapsim-slurm-XXXXXX)
STARTED_SLURM=0
STARTED_MUNGE=0

fail() { echo "slurm: FAILED: $*"; exit 1; }

# waits up to 10 s for a pid to end, then ends it
wait_pid() { for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill "$1" 2>/dev/null || true; }

cleanup() {
  if [ "$STARTED_SLURM" = 1 ]; then
    pids=$(cat /run/slurmctld.pid /run/slurmd.pid 2>/dev/null)
    timeout 20 scontrol shutdown >/dev/null 2>&1 || true
    for p in $pids; do wait_pid "$p"; done
  fi
  if [ "$STARTED_MUNGE" = 1 ] && [ -f /run/munge/munged.pid ]; then
    p=$(cat /run/munge/munged.pid); kill "$p" 2>/dev/null || true; wait_pid "$p"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "needs root (to install and start slurmctld, slurmd and munged)"
command -v dotnet >/dev/null || fail "dotnet not found"

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  (timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends slurmctld slurmd munge) \
    >"$WORK/apt.log" 2>&1 || { tail -5 "$WORK/apt.log"; fail "could not install slurmctld slurmd munge"; }
fi
if [ ! -f "$DLL" ]; then
  timeout 900 dotnet build src/DecapSim.Cli -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; fail "build failed"; }
fi

if timeout 5 scontrol ping 2>/dev/null | grep -q "UP"; then
  fail "a Slurm controller is already running on this machine; not touching it"
fi

# configuration, as in SLURM.md
mkdir -p /etc/slurm /run/munge /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm
chown munge:munge /run/munge 2>/dev/null || true
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/lib/slurm/slurmd
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

# munge
if ! (timeout 5 munge -n 2>/dev/null | timeout 5 unmunge >/dev/null 2>&1); then
  timeout 10 runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
  STARTED_MUNGE=1
  ok=0; for _ in $(seq 1 50); do if timeout 5 munge -n 2>/dev/null | timeout 5 unmunge >/dev/null 2>&1; then ok=1; break; fi; sleep 0.1; done
  [ "$ok" = 1 ] || fail "munge does not answer (munge -n | unmunge)"
fi

# slurm
STARTED_SLURM=1
timeout 20 /usr/sbin/slurmctld || fail "slurmctld did not start (see /var/log/slurm/slurmctld.log)"
timeout 20 /usr/sbin/slurmd -N localhost || fail "slurmd did not start (see /var/log/slurm/slurmd.log)"
state=""
for _ in $(seq 1 300); do state=$(timeout 5 sinfo -h -o '%T' 2>/dev/null | head -1); [ "$state" = idle ] && break; sleep 0.1; done
[ "$state" = idle ] || fail "node not idle after 30 s (sinfo: '$state'); see /var/log/slurm/*.log"

# a tiny experiment: Morris, 3 parameters x 2 trajectories = 8 runs on a 4x4 grid world for 12 weeks
cat > "$WORK/tiny.json" <<'JSON'
{ "Name": "tiny grid", "StartDate": "2026-01-04", "Weeks": 12,
  "World": { "Kind": "grid", "Width": 4, "Height": 4 }, "Factions": { "Count": 6, "InitialMembers": 1500 } }
JSON
cat > "$WORK/tiny-morris.json" <<'JSON'
{ "Name": "slurm-check", "Scenario": "tiny.json",
  "Parameters": [ { "Key": "Recruitment.Rho", "Range": [0.001, 0.004] },
                  { "Key": "Conflict.CiviliansPerCartelDeath", "Range": [1, 6] },
                  { "Key": "Succession.SplitThreshold", "Range": [0.02, 0.2] } ],
  "Design": { "Type": "morris", "Trajectories": 2, "Levels": 4 },
  "Replicates": 1, "Outputs": [ "cumulative_homicides@12", "members@12", "recruits@12" ], "Seed": 11 }
JSON
CLI="dotnet $DLL"
timeout 120 $CLI experiment slurm "$WORK/tiny-morris.json" --shards 2 --time 00:05:00 --cpus 1 --out "$WORK/slurm" --command "$CLI" >"$WORK/gen.log" 2>&1 \
  || { cat "$WORK/gen.log"; fail "could not generate the sbatch script"; }
grep -q '^#SBATCH --array=0-1$' "$WORK/slurm/experiment.sbatch" || fail "script lacks #SBATCH --array=0-1"
timeout 300 sbatch --wait "$WORK/slurm/experiment.sbatch" >"$WORK/sbatch.log" 2>&1 \
  || { cat "$WORK/sbatch.log"; tail -20 "$WORK"/slurm/logs/*.out 2>/dev/null; fail "the job array failed or timed out"; }
for k in 0 1; do [ -f "$WORK/slurm/shard-$k/shard.json" ] || { tail -20 "$WORK"/slurm/logs/*.out 2>/dev/null; fail "shard $k left no manifest"; }; done
timeout 120 $CLI experiment merge "$WORK/slurm/shard-0" "$WORK/slurm/shard-1" --out "$WORK/slurm/merged" --quiet \
  || fail "merge failed"
timeout 300 $CLI experiment run "$WORK/tiny-morris.json" --out "$WORK/local" --threads 2 --quiet || fail "local run failed"
for f in design.csv results.csv points.csv morris.csv experiment.json charts/morris_members_12.svg; do
  cmp "$WORK/slurm/merged/$f" "$WORK/local/$f" || fail "$f of the Slurm run differs from the local run"
done
echo "slurm: ok ($(grep -c . "$WORK/local/results.csv") lines of results.csv identical; job $(grep -o '[0-9]\+' "$WORK/sbatch.log" | head -1))"
