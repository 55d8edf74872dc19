-- Where the leader of the current epoch serves gRPC, so query replicas can find
-- its event stream and control service without a Kubernetes API.
ALTER TABLE control ADD COLUMN leader_address VARCHAR(1024);
