#!/usr/bin/env bash
# Every recommender on every ML-100K protocol of docs/benchmarks.md, through the CLI.
# Usage: scripts/bench-recommenders.sh [ML100K_DIR] [OUT_DIR]
# Writes one JSON per run into OUT_DIR and prints a markdown table of the results.
set -euo pipefail
cd "$(dirname "$0")/.."
ML=${1:-../shared/data/movielens/ml-100k}
OUT=${2:-target/bench-recommenders}
J=marquee-cli/target/marquee.jar
mkdir -p "$OUT"
[ -f "$J" ] || ./mvnw -B -q package -DskipTests

rating_algos=(mean baseline mf svdpp bpmf als itemknn)
topn_algos=(pop baseline mf svdpp bpmf als itemknn ials ease)
# the names this build knows, from the error an unknown name gives (it lists them)
known=$( (java -jar "$J" evaluate recommender --algo __none__ --data "$ML" 2>&1 || true) | sed -n 's/.*one of \(.*\), was.*/\1/p')

has() { [[ ",${known// /}," == *",$1,"* ]]; }

for a in "${rating_algos[@]}"; do
  has "$a" || continue
  java -jar "$J" evaluate recommender --algo "$a" --data "$ML" --split kfold:5 --metrics rmse,mae --json > "$OUT/$a-kfold5.json"
  java -jar "$J" evaluate recommender --algo "$a" --data "$ML" --split files:u1.base,u1.test --metrics rmse,mae --json > "$OUT/$a-u1.json"
done
for a in "${topn_algos[@]}"; do
  has "$a" || continue
  java -jar "$J" evaluate recommender --algo "$a" --data "$ML" --split userholdout:0.2 \
    --metrics ndcg@10,recall@10,precision@10,map@10,mrr,coverage@10,novelty@10 --json > "$OUT/$a-topn.json"
done

python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
def cell(r, m):
    if not r or m not in r["metrics"] or r["metrics"][m]["mean"] is None: return "–"
    v = r["metrics"][m]
    return f'{v["mean"]:.4f} ± {v["std"]:.4f}' if v["std"] is not None else f'{v["mean"]:.4f}'
print("| algorithm | 5-fold RMSE | 5-fold MAE | fit s/fold | u1 RMSE |")
print("| --- | ---: | ---: | ---: | ---: |")
for a in ["mean","baseline","mf","svdpp","bpmf","als","itemknn"]:
    k, u = load(f"{a}-kfold5.json"), load(f"{a}-u1.json")
    if not k: continue
    print(f'| {a} | {cell(k,"rmse")} | {cell(k,"mae")} | {k["timing"]["fit_seconds_mean"]:.2f} | {u["metrics"]["rmse"]["mean"]:.4f} |')
print()
print("| algorithm | NDCG@10 | Recall@10 | Precision@10 | MAP@10 | MRR | coverage@10 | novelty@10 | fit s |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for a in ["pop","baseline","mf","svdpp","bpmf","als","itemknn","ials","ease"]:
    t = load(f"{a}-topn.json")
    if not t: continue
    print(f'| {a} | ' + " | ".join(cell(t,m).split(" ±")[0] for m in ["ndcg@10","recall@10","precision@10","map@10","mrr","coverage@10","novelty@10"]) + f' | {t["timing"]["fit_seconds_mean"]:.2f} |')
PY
