-- SPI 2: an event's record type is the AggregateType key (staffUser), no longer the RecordType constant of SPI 1
-- (STAFF_USER), in the outbox's record_type column and in the stored event document. The constants below are the
-- thirteen of SPI 1, fixed history (crm-json's StoredDocuments migration 2-event-record-type-key does the same for
-- documents that do not live in this table).

UPDATE crm_outbox SET record_type = 'region', doc = json_set(doc, '$.recordType', 'region') WHERE record_type = 'REGION';
UPDATE crm_outbox SET record_type = 'sector', doc = json_set(doc, '$.recordType', 'sector') WHERE record_type = 'SECTOR';
UPDATE crm_outbox SET record_type = 'partner', doc = json_set(doc, '$.recordType', 'partner') WHERE record_type = 'PARTNER';
UPDATE crm_outbox SET record_type = 'staffUser', doc = json_set(doc, '$.recordType', 'staffUser') WHERE record_type = 'STAFF_USER';
UPDATE crm_outbox SET record_type = 'employer', doc = json_set(doc, '$.recordType', 'employer') WHERE record_type = 'EMPLOYER';
UPDATE crm_outbox SET record_type = 'contact', doc = json_set(doc, '$.recordType', 'contact') WHERE record_type = 'CONTACT';
UPDATE crm_outbox SET record_type = 'engagement', doc = json_set(doc, '$.recordType', 'engagement') WHERE record_type = 'ENGAGEMENT';
UPDATE crm_outbox SET record_type = 'need', doc = json_set(doc, '$.recordType', 'need') WHERE record_type = 'NEED';
UPDATE crm_outbox SET record_type = 'solution', doc = json_set(doc, '$.recordType', 'solution') WHERE record_type = 'SOLUTION';
UPDATE crm_outbox SET record_type = 'partnership', doc = json_set(doc, '$.recordType', 'partnership') WHERE record_type = 'PARTNERSHIP';
UPDATE crm_outbox SET record_type = 'referral', doc = json_set(doc, '$.recordType', 'referral') WHERE record_type = 'REFERRAL';
UPDATE crm_outbox SET record_type = 'outcome', doc = json_set(doc, '$.recordType', 'outcome') WHERE record_type = 'OUTCOME';
UPDATE crm_outbox SET record_type = 'feedback', doc = json_set(doc, '$.recordType', 'feedback') WHERE record_type = 'FEEDBACK';
