-- SPI 2: an event's record type is the AggregateType key (staffUser), no longer the RecordType constant of SPI 1
-- (STAFF_USER), in the outbox's record_type column and in the stored event document. The constants below are the
-- thirteen of SPI 1, fixed history (crm-json's StoredDocuments migration 2-event-record-type-key does the same for
-- documents that do not live in this table). The documents are compact JSON as crm-json writes them; a text replace keeps
-- them byte for byte otherwise (json, not jsonb, keeps the text). One transaction, as the runner applies every script.

UPDATE crm_outbox SET record_type = 'region', doc = replace(doc::text, '"recordType":"REGION"', '"recordType":"region"')::json WHERE record_type = 'REGION';
UPDATE crm_outbox SET record_type = 'sector', doc = replace(doc::text, '"recordType":"SECTOR"', '"recordType":"sector"')::json WHERE record_type = 'SECTOR';
UPDATE crm_outbox SET record_type = 'partner', doc = replace(doc::text, '"recordType":"PARTNER"', '"recordType":"partner"')::json WHERE record_type = 'PARTNER';
UPDATE crm_outbox SET record_type = 'staffUser', doc = replace(doc::text, '"recordType":"STAFF_USER"', '"recordType":"staffUser"')::json WHERE record_type = 'STAFF_USER';
UPDATE crm_outbox SET record_type = 'employer', doc = replace(doc::text, '"recordType":"EMPLOYER"', '"recordType":"employer"')::json WHERE record_type = 'EMPLOYER';
UPDATE crm_outbox SET record_type = 'contact', doc = replace(doc::text, '"recordType":"CONTACT"', '"recordType":"contact"')::json WHERE record_type = 'CONTACT';
UPDATE crm_outbox SET record_type = 'engagement', doc = replace(doc::text, '"recordType":"ENGAGEMENT"', '"recordType":"engagement"')::json WHERE record_type = 'ENGAGEMENT';
UPDATE crm_outbox SET record_type = 'need', doc = replace(doc::text, '"recordType":"NEED"', '"recordType":"need"')::json WHERE record_type = 'NEED';
UPDATE crm_outbox SET record_type = 'solution', doc = replace(doc::text, '"recordType":"SOLUTION"', '"recordType":"solution"')::json WHERE record_type = 'SOLUTION';
UPDATE crm_outbox SET record_type = 'partnership', doc = replace(doc::text, '"recordType":"PARTNERSHIP"', '"recordType":"partnership"')::json WHERE record_type = 'PARTNERSHIP';
UPDATE crm_outbox SET record_type = 'referral', doc = replace(doc::text, '"recordType":"REFERRAL"', '"recordType":"referral"')::json WHERE record_type = 'REFERRAL';
UPDATE crm_outbox SET record_type = 'outcome', doc = replace(doc::text, '"recordType":"OUTCOME"', '"recordType":"outcome"')::json WHERE record_type = 'OUTCOME';
UPDATE crm_outbox SET record_type = 'feedback', doc = replace(doc::text, '"recordType":"FEEDBACK"', '"recordType":"feedback"')::json WHERE record_type = 'FEEDBACK';
