-- Run once by the postgres image on an empty data volume (docker-compose.yml mounts this folder at
-- /docker-entrypoint-initdb.d). One database per service; each service's Flyway creates its own schema.
CREATE DATABASE declarations;
CREATE DATABASE zones;
CREATE DATABASE statistics;
