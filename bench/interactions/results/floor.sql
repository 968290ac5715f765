begin transaction read only;
select set_config('atrium.user_id', '01a24c6e-dcb8-7b1b-b3f1-88cdefcd4268', true), set_config('atrium.org_id', '01a24c6e-db50-7c5a-a4ef-d6b09792bc6b', true), set_config('atrium.site_ids', '01a24c6e-db97-7948-8d92-6daf00fd09bc,01a24c6e-dbb5-78df-9373-8c29c9d22b7c,01a24c6e-dbc6-7b7b-94e9-04e20710e45d,01a24c6e-dbd7-7880-aeb1-174b59f73856,01a24c6e-dbf1-72de-ad3f-0a5622237651,01a24c6e-dc11-762a-ab6f-baf977e1b86e,01a24c6e-dc22-768b-a6d4-36c7b4027cb4,01a24c6e-dc32-7cf2-bfb3-45a2ebfd3648,01a24c6e-dc48-7cba-b586-c74f50f7f807,01a24c6e-dc5e-7d59-a93a-50692d3ac27e', true), set_config('atrium.platform', 'off', true);
select id, name, version from interaction_types where organisation_id = '01a24c6e-db50-7c5a-a4ef-d6b09792bc6b' order by lower(name);
commit;
