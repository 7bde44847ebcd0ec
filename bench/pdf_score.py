#!/usr/bin/env python3
"""Scores trendplot CSV output against a *.truth.json: prints right, wrong, missing (printed values only)."""
import csv, json, sys

def expected(truth):
    year = truth["report_year"]; out = {}
    rename = {"new_made": "made", "new_published": "published", "total_published": "total"}
    prefix = {"other_mgmt_services": "other_services"}
    for section, cells in (truth.get("table2") or {}).items():
        if not isinstance(cells, dict): continue
        p = prefix.get(section, section)
        for k, v in cells.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)): continue
            if k == "prev_year_items": out[f"{p}.items@{year-1}"] = v
            elif k == "change": out[f"{p}.items_change@{year}"] = v
            elif k == "amount_wan_yuan": out[f"{p}.amount@{year}"] = v
            elif k == "amount": out[f"{p}.amount@{year}"] = v / 10000 if cells.get("amount_unit") == "元" else v
            else: out[f"{p}.{rename.get(k, k)}@{year}"] = v
    for row, cols in ((truth.get("table3") or {}).get("rows") or {}).items():
        for col, v in cols.items():
            if isinstance(v, (int, float)): out[f"applications.{row}.{col}@{year}"] = v
    for group, cols in (truth.get("table4") or {}).items():
        if isinstance(cols, dict):
            for col, v in cols.items():
                if isinstance(v, (int, float)): out[f"{group}.{col}@{year}"] = v
    return out

truth = expected(json.load(open(sys.argv[1])))
got = {}
for r in csv.DictReader(open(sys.argv[2])):
    if r["derived"] == "false": got[f'{r["metric"]}@{r["year"]}'] = float(r["value"])
right = sum(1 for k, v in got.items() if k in truth and abs(truth[k] - v) < 1e-6)
wrong = sum(1 for k, v in got.items() if k not in truth or abs(truth[k] - v) >= 1e-6)
print(right, wrong, len(truth) - right)
