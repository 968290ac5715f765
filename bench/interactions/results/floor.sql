begin transaction read only;
select set_config('atrium.user_id', '01a20156-b528-7ff0-9073-252d3b07f454', true), set_config('atrium.org_id', '01a20156-b2be-7dfa-a357-052096118367', true), set_config('atrium.site_ids', '01a20156-b329-7914-a9fb-782734b679f1,01a20156-b37c-7f10-9998-799e5860c22d,01a20156-b3aa-78c3-ab23-699500e950bc,01a20156-b3e3-7911-8bfa-67dedd74fb33,01a20156-b413-7c42-8b28-07a68828103c,01a20156-b440-764c-8e2c-e813d0494547,01a20156-b46d-709d-94ae-55b39f114aec,01a20156-b494-7c83-bc31-c2858ca137f2,01a20156-b4b5-71a8-b211-767e6e970aaf,01a20156-b4d8-7107-ae23-df7fd1f45b98', true), set_config('atrium.platform', 'off', true);
select id, name, version from interaction_types where organisation_id = '01a20156-b2be-7dfa-a357-052096118367' order by lower(name);
commit;
