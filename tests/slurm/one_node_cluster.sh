# Sourced: a throw-away one-node Slurm cluster (munged, slurmctld, slurmd) with every path in one
# temp folder, started without systemd in a few seconds.
#   cluster_start DIR   -> 0 when the node is idle; exports SLURM_CONF; sets CLUSTER_WHY on failure
#   cluster_stop DIR    -> stops the three daemons
cluster_start() {
  local dir=$1 host port
  host=$(hostname -s)
  mkdir -p "$dir"/{munge,state,spool,log}
  chmod 700 "$dir" "$dir/munge"
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
  if ! munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.sock" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" 2> "$dir/log/munged.err"; then
    CLUSTER_WHY="munged did not start: $(tail -1 "$dir/log/munged.err")"
    return 1
  fi
  # Ports of our own, away from a real cluster's 6817/6818.
  port=$((20000 + RANDOM % 20000))
  cat > "$dir/slurm.conf" <<CONF
ClusterName=cjtest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.sock
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=cj Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -f "$SLURM_CONF" -i 2> "$dir/log/slurmctld.err" || {
    CLUSTER_WHY="slurmctld did not start: $(tail -2 "$dir/log/slurmctld.err" "$dir/log/slurmctld.log" 2>/dev/null)"
    return 1
  }
  slurmd -f "$SLURM_CONF" 2> "$dir/log/slurmd.err" || {
    CLUSTER_WHY="slurmd did not start: $(tail -2 "$dir/log/slurmd.err" "$dir/log/slurmd.log" 2>/dev/null)"
    return 1
  }
  local i state
  for i in $(seq 1 60); do
    state=$(sinfo -h -o %T 2>/dev/null | head -1)
    [[ $state == idle* ]] && return 0
    sleep 0.5
  done
  CLUSTER_WHY="the node did not become idle in 30 s (state '$state'): $(tail -3 "$dir/log/slurmctld.log" 2>/dev/null)"
  return 1
}

cluster_stop() {
  local dir=$1 f
  for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [[ -f $f ]] && kill "$(cat "$f")" 2>/dev/null
  done
  sleep 0.5
  for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [[ -f $f ]] && kill -9 "$(cat "$f")" 2>/dev/null
  done
  return 0
}
