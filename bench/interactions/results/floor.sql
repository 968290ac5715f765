begin transaction read only;
select set_config('atrium.user_id', '01a20489-37c7-7698-b9ac-45d6a5030221', true), set_config('atrium.org_id', '01a20489-36d1-750c-b0e3-0d9cadc87dbe', true), set_config('atrium.site_ids', '01a20489-370a-7d7d-ad25-6efb3000bdb3,01a20489-3720-7d89-8fec-da21e1bae4f8,01a20489-372f-7a37-b220-5c5dfd3b0272,01a20489-373e-78ba-901e-269bebed5210,01a20489-3751-7187-9572-6ca0af299b1e,01a20489-375f-7b3d-8315-557ae1f5aa43,01a20489-376b-7259-82ae-a043e662a4a7,01a20489-3776-7184-bf5b-d06231d9700c,01a20489-3781-7914-ae2b-08755c8eac87,01a20489-378d-7f1f-bc7c-925fca0c855f', true), set_config('atrium.platform', 'off', true);
select id, name, version from interaction_types where organisation_id = '01a20489-36d1-750c-b0e3-0d9cadc87dbe' order by lower(name);
commit;
