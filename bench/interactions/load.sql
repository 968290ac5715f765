-- Loads the benchmark data set, as the cluster's superuser (row-level security does not apply):
-- :rows interactions in organisation :org_a spread evenly over its sites, and as many in
-- organisation :org_b. Text is drawn from an English business vocabulary with a skewed
-- (Zipf-like) distribution, so some words are common and most are not, plus a few rare words
-- that appear in about one row in 20,000.
--
-- psql -v org_a=... -v org_b=... -v user_a=... -v user_b=... -v rows=1000000 -f load.sql
\set ON_ERROR_STOP on
set search_path = atrium;
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;

create temp table vocabulary as
select array['meeting','review','budget','client','project','report','team','plan','update','service','customer',
  'schedule','proposal','contract','quarter','sales','delivery','support','training','account','supplier','agenda',
  'strategy','feedback','invoice','order','product','launch','design','marketing','finance','planning','progress',
  'issue','risk','quality','safety','staff','visit','tour','inspection','maintenance','facility','building','office',
  'renewal','pricing','discount','forecast','target','growth','revenue','cost','savings','partner','vendor','audit',
  'compliance','policy','process','workflow','system','software','hardware','network','security','access','onboarding',
  'handover','follow','call','email','question','answer','request','approval','decision','action','owner','deadline',
  'milestone','timeline','estimate','resource','capacity','demand','stock','inventory','warehouse','shipment','transport',
  'logistics','route','region','branch','store','location','event','conference','workshop','seminar','presentation',
  'demo','pilot','trial','rollout','migration','integration','upgrade','release','version','feature','requirement',
  'specification','testing','defect','incident','outage','recovery','backup','continuity','escalation','complaint',
  'resolution','satisfaction','survey','interview','hiring','recruitment','performance','appraisal','coaching',
  'mentoring','wellbeing','holiday','rota','shift','overtime','payroll','benefits','pension','expenses','travel','hotel',
  'catering','venue','booking','reservation','ticket','membership','subscription','loyalty','campaign','newsletter',
  'website','social','brand','press','media','community','charity','sponsorship','volunteer','donation','grant',
  'funding','investment','board','director','manager','assistant','coordinator','consultant','analyst','engineer',
  'technician','cleaner','receptionist','security','parking','lighting','heating','cooling','energy','waste','recycling',
  'sustainability','carbon','emissions','water','furniture','equipment','printer','laptop','phone','tablet','screen',
  'projector','camera','signage','display','window','door','roof','floor','kitchen','canteen','garden','lobby',
  'reception','corridor','storage','archive','document','template','checklist','minutes','summary','notes','draft',
  'final','signed','pending','urgent','routine','weekly','monthly','annual','morning','afternoon','evening','lunch',
  'breakfast','coffee','agreement','negotiation','terms','conditions','warranty','insurance','claim','liability',
  'legal','regulation','licence','permit','certificate','standard','benchmark','metric','dashboard','analysis',
  'insight','trend','opportunity','challenge','solution','improvement','innovation','idea','brainstorm','priority',
  'café','réunion','façade','naïve','résumé','crème','entrée','déjà','soirée','fiancé']::text[] as v,
  array['zeppelin','quokka','marzipan','xylophone','kumquat','ocelot','zucchini','kayak','yodel','walrus']::text[] as rare,
  array['Olivia','Noah','Amelia','George','Isla','Arthur','Ava','Oscar','Mia','Leo','Aarav','Priya','Chen','Sofia',
        'Mateo','Zoë','Ingrid','Kwame','Aoife','José']::text[] as first_names,
  array['Smith','Jones','Taylor','Brown','Williams','Patel','Khan','Singh','Garcia','Müller','Rossi','Nguyen','Kim',
        'O''Brien','Dubois','Kowalski','Andersen','Okafor','Silva','Cohen']::text[] as last_names,
  array['Room 1','Room 2','Room 3','Boardroom','Atrium','Canteen','Reception','Warehouse','Car park','Roof terrace',
        'Client office','Head office','Training suite','Café Zürich','Online','Phone','Site office','Loading bay',
        'Library','Gym']::text[] as places,
  array['Meeting','Call','Email','Visit','Event','Other']::text[] as types,
  array['Europe/London','Europe/London','Europe/London','America/New_York','Asia/Kolkata','Australia/Lord_Howe',
        'Europe/Paris','UTC']::text[] as zones;

-- Indexes are built once after the load: far faster than maintaining them row by row.
create temp table saved_indexes as
select indexname, indexdef from pg_indexes
where schemaname = 'atrium' and tablename = 'interactions' and indexname <> 'interactions_pkey';
do $$ declare r record; begin
  for r in select indexname from saved_indexes loop execute 'drop index atrium.' || quote_ident(r.indexname); end loop;
end $$;

create temp table bench_orgs (organisation_id uuid, user_id uuid, sites uuid[]);
insert into bench_orgs
select o.id, u.id, (select array_agg(s.id order by s.name) from sites s where s.organisation_id = o.id)
from (values (:'org_a'::uuid, :'user_a'::uuid), (:'org_b'::uuid, :'user_b'::uuid)) as x (org, usr)
join organisations o on o.id = x.org join users u on u.id = x.usr;

-- One statement for both organisations; each word is drawn with random(). The subqueries name g and
-- k.i so that they run per row and the aggregate belongs to them.
insert into interactions (id, organisation_id, site_id, title, type, lead, start_at, end_at, timezone, location,
    description, notes, created_at, created_by, updated_at, updated_by)
select uuidv7(), b.organisation_id, b.sites[1 + g % array_length(b.sites, 1)],
    initcap(left(t.title, 1)) || substr(t.title, 2),
    x.types[1 + floor(6 * random() ^ 2)::int],
    x.first_names[1 + floor(20 * random())::int] || ' ' || x.last_names[1 + floor(20 * random())::int],
    s.start_at,
    case when random() < 0.8 then s.start_at + make_interval(mins => 15 * (1 + floor(random() * 12)::int)) end,
    x.zones[1 + floor(8 * random())::int],
    case when random() < 0.85 then x.places[1 + floor(20 * random())::int] end,
    d.description || case when random() < 0.0005 then ' ' || x.rare[1 + floor(10 * random())::int] else '' end,
    case when random() < 0.3 then n.notes end,
    s.start_at - interval '3 days', b.user_id, s.start_at - interval '3 days', b.user_id
from bench_orgs b
cross join vocabulary x
cross join generate_series(1, :rows) g
cross join lateral (select timestamptz '2020-01-01 00:00:00+00' + make_interval(secs => floor(random() * 7 * 365 * 86400)::int + g % 7) as start_at) s
cross join lateral (select string_agg(x.v[1 + floor(array_length(x.v, 1) * random() ^ 3)::int + 0 * k.i], ' ') as title
                    from generate_series(1, 2 + g % 4) as k (i)) t
cross join lateral (select string_agg(x.v[1 + floor(array_length(x.v, 1) * random() ^ 3)::int + 0 * k.i], ' ') as description
                    from generate_series(1, 15 + g % 40) as k (i)) d
cross join lateral (select string_agg(x.v[1 + floor(array_length(x.v, 1) * random() ^ 3)::int + 0 * k.i], ' ') as notes
                    from generate_series(1, 5 + g % 15) as k (i)) n;

-- The typo-tolerance dictionary, as the application maintains it (words of five letters or more).
insert into interaction_words (organisation_id, word)
select distinct b.organisation_id, lower(immutable_unaccent(w))
from bench_orgs b cross join vocabulary x cross join lateral unnest(x.v || x.rare || x.first_names || x.last_names
    || string_to_array(array_to_string(x.places, ' '), ' ')) as w
where char_length(w) >= 5
on conflict do nothing;

do $$ declare r record; begin
  for r in select indexdef from saved_indexes loop execute r.indexdef; end loop;
end $$;
vacuum analyze interactions;
vacuum analyze interaction_words;
