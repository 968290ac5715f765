begin transaction read only;
select set_config('atrium.user_id', '01a20332-0adb-7a28-8ce5-5d29f50410d6', true), set_config('atrium.org_id', '01a20332-0961-7a18-ace0-2aa6688be8a5', true), set_config('atrium.site_ids', '01a20332-09ba-7c46-ac7c-34349477fdf3,01a20332-09e0-7173-a9a0-9efe7a8cfbd4,01a20332-09f9-7ae2-b9d6-605c43940449,01a20332-0a12-7cce-b581-29735ea4c3aa,01a20332-0a2a-78b8-ba3a-6630fc01fd0c,01a20332-0a41-7d8b-b9d4-3d40873d7424,01a20332-0a69-7d75-8fd1-a41175e8dd2c,01a20332-0a7f-767a-8d80-283cf5caa846,01a20332-0a8e-7053-ad44-3a65bfad0947,01a20332-0a9c-71ae-b794-0bf0d98407cf', true), set_config('atrium.platform', 'off', true);
select id, name, version from interaction_types where organisation_id = '01a20332-0961-7a18-ace0-2aa6688be8a5' order by lower(name);
commit;
