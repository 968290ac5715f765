-- db-scheduler's table, exactly its official PostgreSQL schema for version 16: durable
-- one-time and recurring jobs shared by every Atrium node on this database (io.atrium.jobs).
-- "if not exists" because another module's migration may create the same table; the schema
-- is db-scheduler's, so both definitions are the same. Not tenant-owned: a job carries the
-- organisation in its data and does its work in that organisation's scope.
create table if not exists scheduled_tasks (
    task_name             text not null,
    task_instance         text not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index if not exists execution_time_idx on scheduled_tasks (execution_time);
create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

grant select, insert, update, delete on scheduled_tasks to ${app_role};
