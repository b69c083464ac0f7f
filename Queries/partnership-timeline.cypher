// The stages of Vietnam–Japan ties, from diplomatic relations (1973) to the
// Comprehensive Strategic Partnership (2023), in order.
// Parameters: none.
MATCH (vietnam:Country {iso: 'VN'})-[stage:PARTNERSHIP]->(japan:Country {iso: 'JP'})
RETURN stage.stage AS stageNumber,
       stage.year AS year,
       stage.date AS exactDate,
       stage.framework AS framework,
       stage.frameworkAliases AS otherWordings,
       stage.sources AS sources,
       stage AS partnership
ORDER BY year;
