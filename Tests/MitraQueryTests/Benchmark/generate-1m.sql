-- Adds 100 000 entities (five classes, each with a label) and about 1 000 000 random edges
-- over the nine predicates to a store, for timing queries at scale (make bench-query).
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
INSERT INTO entities SELECT 'n' || i, 'http://example.org/n' || i, 'node ' || i,
  CASE i % 5 WHEN 0 THEN 'Plant' WHEN 1 THEN 'Alkaloid' WHEN 2 THEN 'Receptor' WHEN 3 THEN 'Condition'
  ELSE 'AdverseEffect' END, '', '' FROM n;
INSERT INTO labels SELECT id, label, 'pref', label FROM entities WHERE id GLOB 'n[0-9]*';
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 1004999)
INSERT OR IGNORE INTO edges SELECT 'n' || (abs(random()) % 100000),
  CASE abs(random()) % 9 WHEN 0 THEN 'contains' WHEN 1 THEN 'interacts_with' WHEN 2 THEN 'modulates'
  WHEN 3 THEN 'treats' WHEN 4 THEN 'has_adverse_effect' WHEN 5 THEN 'complements'
  WHEN 6 THEN 'alternative_to' WHEN 7 THEN 'warns_about' ELSE 'regulates' END,
  'n' || (abs(random()) % 100000), 1 + abs(random()) % 5, CASE WHEN abs(random()) % 20 = 0 THEN 1 ELSE 0 END,
  abs(random()) % 2, 3 FROM k;
COMMIT;
