-- SPI 2: an event's record type is the AggregateType key (staffUser), no longer the RecordType constant of SPI 1
-- (STAFF_USER), in the outbox's record_type column and in the stored event document. The constants below are the
-- thirteen of SPI 1, fixed history (crm-json's StoredDocuments migration 2-event-record-type-key does the same for
-- documents that do not live in this table). Idempotent: a row already moved has the key and no longer matches.

SET SESSION innodb_ft_enable_stopword = OFF;

UPDATE crm_outbox SET record_type = 'region', doc = JSON_SET(doc, '$.recordType', 'region') WHERE record_type = 'REGION';
UPDATE crm_outbox SET record_type = 'sector', doc = JSON_SET(doc, '$.recordType', 'sector') WHERE record_type = 'SECTOR';
UPDATE crm_outbox SET record_type = 'partner', doc = JSON_SET(doc, '$.recordType', 'partner') WHERE record_type = 'PARTNER';
UPDATE crm_outbox SET record_type = 'staffUser', doc = JSON_SET(doc, '$.recordType', 'staffUser') WHERE record_type = 'STAFF_USER';
UPDATE crm_outbox SET record_type = 'employer', doc = JSON_SET(doc, '$.recordType', 'employer') WHERE record_type = 'EMPLOYER';
UPDATE crm_outbox SET record_type = 'contact', doc = JSON_SET(doc, '$.recordType', 'contact') WHERE record_type = 'CONTACT';
UPDATE crm_outbox SET record_type = 'engagement', doc = JSON_SET(doc, '$.recordType', 'engagement') WHERE record_type = 'ENGAGEMENT';
UPDATE crm_outbox SET record_type = 'need', doc = JSON_SET(doc, '$.recordType', 'need') WHERE record_type = 'NEED';
UPDATE crm_outbox SET record_type = 'solution', doc = JSON_SET(doc, '$.recordType', 'solution') WHERE record_type = 'SOLUTION';
UPDATE crm_outbox SET record_type = 'partnership', doc = JSON_SET(doc, '$.recordType', 'partnership') WHERE record_type = 'PARTNERSHIP';
UPDATE crm_outbox SET record_type = 'referral', doc = JSON_SET(doc, '$.recordType', 'referral') WHERE record_type = 'REFERRAL';
UPDATE crm_outbox SET record_type = 'outcome', doc = JSON_SET(doc, '$.recordType', 'outcome') WHERE record_type = 'OUTCOME';
UPDATE crm_outbox SET record_type = 'feedback', doc = JSON_SET(doc, '$.recordType', 'feedback') WHERE record_type = 'FEEDBACK';
