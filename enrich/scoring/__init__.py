"""Fit scoring: qualify every lead against a profile's ideal-customer profile, and say why.

- :mod:`enrich.scoring.icp`: the ICP model (rules as data, validated with file and line);
- :mod:`enrich.scoring.features`: the facts about every lead, computed once, cached, columnar;
- :mod:`enrich.scoring.rules` / :mod:`enrich.scoring.engine`: rules evaluated with numpy;
- :mod:`enrich.scoring.grading`: A/B/C/D by percentile or thresholds;
- :mod:`enrich.scoring.store`: scores written per profile with history, read back for query/export;
- :mod:`enrich.scoring.learn`: logistic regression on the same features, AUC beside the rules'.
"""
