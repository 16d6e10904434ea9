from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SecretStore(_message.Message):
    __slots__ = ("vault_tls", "vault_token", "aws", "vault_app_role", "aws_cert_x_509", "vault_token_cert_ssh", "vault_token_cert_x_509", "vault_tls_cert_ssh", "vault_tls_cert_x_509", "vault_app_role_cert_ssh", "vault_app_role_cert_x_509", "vault_awsiam", "vault_awsec_2", "vault_awsec_2_cert_ssh", "vault_awsiam_cert_ssh", "vault_awsec_2_cert_x_509", "azure", "vault_awsiam_cert_x_509", "keyfactor_x_509", "gcp", "gcp_cert_x_509", "keyfactor_ssh", "cyberark_conjur", "cyberark_pam_experimental", "cyberark_pam", "strong_vault", "active_directory", "delinea", "delinea_dsv")
    VAULT_TLS_FIELD_NUMBER: _ClassVar[int]
    VAULT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    AWS_FIELD_NUMBER: _ClassVar[int]
    VAULT_APP_ROLE_FIELD_NUMBER: _ClassVar[int]
    AWS_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    VAULT_TOKEN_CERT_SSH_FIELD_NUMBER: _ClassVar[int]
    VAULT_TOKEN_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    VAULT_TLS_CERT_SSH_FIELD_NUMBER: _ClassVar[int]
    VAULT_TLS_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    VAULT_APP_ROLE_CERT_SSH_FIELD_NUMBER: _ClassVar[int]
    VAULT_APP_ROLE_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    VAULT_AWSIAM_FIELD_NUMBER: _ClassVar[int]
    VAULT_AWSEC_2_FIELD_NUMBER: _ClassVar[int]
    VAULT_AWSEC_2_CERT_SSH_FIELD_NUMBER: _ClassVar[int]
    VAULT_AWSIAM_CERT_SSH_FIELD_NUMBER: _ClassVar[int]
    VAULT_AWSEC_2_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    VAULT_AWSIAM_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    KEYFACTOR_X_509_FIELD_NUMBER: _ClassVar[int]
    GCP_FIELD_NUMBER: _ClassVar[int]
    GCP_CERT_X_509_FIELD_NUMBER: _ClassVar[int]
    KEYFACTOR_SSH_FIELD_NUMBER: _ClassVar[int]
    CYBERARK_CONJUR_FIELD_NUMBER: _ClassVar[int]
    CYBERARK_PAM_EXPERIMENTAL_FIELD_NUMBER: _ClassVar[int]
    CYBERARK_PAM_FIELD_NUMBER: _ClassVar[int]
    STRONG_VAULT_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_DIRECTORY_FIELD_NUMBER: _ClassVar[int]
    DELINEA_FIELD_NUMBER: _ClassVar[int]
    DELINEA_DSV_FIELD_NUMBER: _ClassVar[int]
    vault_tls: VaultTLSStore
    vault_token: VaultTokenStore
    aws: AWSStore
    vault_app_role: VaultAppRoleStore
    aws_cert_x_509: AWSCertX509Store
    vault_token_cert_ssh: VaultTokenCertSSHStore
    vault_token_cert_x_509: VaultTokenCertX509Store
    vault_tls_cert_ssh: VaultTLSCertSSHStore
    vault_tls_cert_x_509: VaultTLSCertX509Store
    vault_app_role_cert_ssh: VaultAppRoleCertSSHStore
    vault_app_role_cert_x_509: VaultAppRoleCertX509Store
    vault_awsiam: VaultAWSIAMStore
    vault_awsec_2: VaultAWSEC2Store
    vault_awsec_2_cert_ssh: VaultAWSEC2CertSSHStore
    vault_awsiam_cert_ssh: VaultAWSIAMCertSSHStore
    vault_awsec_2_cert_x_509: VaultAWSEC2CertX509Store
    azure: AzureStore
    vault_awsiam_cert_x_509: VaultAWSIAMCertX509Store
    keyfactor_x_509: KeyfactorX509Store
    gcp: GCPStore
    gcp_cert_x_509: GCPCertX509Store
    keyfactor_ssh: KeyfactorSSHStore
    cyberark_conjur: CyberarkConjurStore
    cyberark_pam_experimental: CyberarkPAMExperimentalStore
    cyberark_pam: CyberarkPAMStore
    strong_vault: StrongVaultStore
    active_directory: ActiveDirectoryStore
    delinea: DelineaStore
    delinea_dsv: DelineaDSVStore
    def __init__(self, vault_tls: _Optional[_Union[VaultTLSStore, _Mapping]] = ..., vault_token: _Optional[_Union[VaultTokenStore, _Mapping]] = ..., aws: _Optional[_Union[AWSStore, _Mapping]] = ..., vault_app_role: _Optional[_Union[VaultAppRoleStore, _Mapping]] = ..., aws_cert_x_509: _Optional[_Union[AWSCertX509Store, _Mapping]] = ..., vault_token_cert_ssh: _Optional[_Union[VaultTokenCertSSHStore, _Mapping]] = ..., vault_token_cert_x_509: _Optional[_Union[VaultTokenCertX509Store, _Mapping]] = ..., vault_tls_cert_ssh: _Optional[_Union[VaultTLSCertSSHStore, _Mapping]] = ..., vault_tls_cert_x_509: _Optional[_Union[VaultTLSCertX509Store, _Mapping]] = ..., vault_app_role_cert_ssh: _Optional[_Union[VaultAppRoleCertSSHStore, _Mapping]] = ..., vault_app_role_cert_x_509: _Optional[_Union[VaultAppRoleCertX509Store, _Mapping]] = ..., vault_awsiam: _Optional[_Union[VaultAWSIAMStore, _Mapping]] = ..., vault_awsec_2: _Optional[_Union[VaultAWSEC2Store, _Mapping]] = ..., vault_awsec_2_cert_ssh: _Optional[_Union[VaultAWSEC2CertSSHStore, _Mapping]] = ..., vault_awsiam_cert_ssh: _Optional[_Union[VaultAWSIAMCertSSHStore, _Mapping]] = ..., vault_awsec_2_cert_x_509: _Optional[_Union[VaultAWSEC2CertX509Store, _Mapping]] = ..., azure: _Optional[_Union[AzureStore, _Mapping]] = ..., vault_awsiam_cert_x_509: _Optional[_Union[VaultAWSIAMCertX509Store, _Mapping]] = ..., keyfactor_x_509: _Optional[_Union[KeyfactorX509Store, _Mapping]] = ..., gcp: _Optional[_Union[GCPStore, _Mapping]] = ..., gcp_cert_x_509: _Optional[_Union[GCPCertX509Store, _Mapping]] = ..., keyfactor_ssh: _Optional[_Union[KeyfactorSSHStore, _Mapping]] = ..., cyberark_conjur: _Optional[_Union[CyberarkConjurStore, _Mapping]] = ..., cyberark_pam_experimental: _Optional[_Union[CyberarkPAMExperimentalStore, _Mapping]] = ..., cyberark_pam: _Optional[_Union[CyberarkPAMStore, _Mapping]] = ..., strong_vault: _Optional[_Union[StrongVaultStore, _Mapping]] = ..., active_directory: _Optional[_Union[ActiveDirectoryStore, _Mapping]] = ..., delinea: _Optional[_Union[DelineaStore, _Mapping]] = ..., delinea_dsv: _Optional[_Union[DelineaDSVStore, _Mapping]] = ...) -> None: ...

class AWSStore(_message.Message):
    __slots__ = ("id", "name", "region", "tags", "role_arn", "role_external_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    ROLE_EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    region: str
    tags: _tags_pb2.Tags
    role_arn: str
    role_external_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., region: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., role_arn: _Optional[str] = ..., role_external_id: _Optional[str] = ...) -> None: ...

class AWSCertX509Store(_message.Message):
    __slots__ = ("id", "name", "region", "tags", "caArn", "signingAlgo", "certificateTemplateArn", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CAARN_FIELD_NUMBER: _ClassVar[int]
    SIGNINGALGO_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATETEMPLATEARN_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    region: str
    tags: _tags_pb2.Tags
    caArn: str
    signingAlgo: str
    certificateTemplateArn: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., region: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., caArn: _Optional[str] = ..., signingAlgo: _Optional[str] = ..., certificateTemplateArn: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class ActiveDirectoryStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class AzureStore(_message.Message):
    __slots__ = ("id", "name", "vault_uri", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VAULT_URI_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    vault_uri: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., vault_uri: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class CyberarkConjurStore(_message.Message):
    __slots__ = ("id", "name", "appURL", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPURL_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    appURL: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., appURL: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class CyberarkPAMStore(_message.Message):
    __slots__ = ("id", "name", "appURL", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPURL_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    appURL: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., appURL: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class CyberarkPAMExperimentalStore(_message.Message):
    __slots__ = ("id", "name", "appURL", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPURL_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    appURL: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., appURL: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class DelineaStore(_message.Message):
    __slots__ = ("id", "name", "server_url", "tenant_name", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_URL_FIELD_NUMBER: _ClassVar[int]
    TENANT_NAME_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_url: str
    tenant_name: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_url: _Optional[str] = ..., tenant_name: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class DelineaDSVStore(_message.Message):
    __slots__ = ("id", "name", "tenant", "tld", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    TLD_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    tenant: str
    tld: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., tenant: _Optional[str] = ..., tld: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class GCPStore(_message.Message):
    __slots__ = ("id", "name", "projectID", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECTID_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    projectID: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., projectID: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class GCPCertX509Store(_message.Message):
    __slots__ = ("id", "name", "projectID", "location", "caPoolID", "caID", "issuedCertTTLMinutes", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECTID_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    CAPOOLID_FIELD_NUMBER: _ClassVar[int]
    CAID_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    projectID: str
    location: str
    caPoolID: str
    caID: str
    issuedCertTTLMinutes: int
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., projectID: _Optional[str] = ..., location: _Optional[str] = ..., caPoolID: _Optional[str] = ..., caID: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class KeyfactorSSHStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "certificate_file_path", "key_file_path", "ca_file_path", "default_certificate_profile_name", "default_end_entity_profile_name", "default_certificate_authority_name", "enrollment_username_env_var", "enrollment_code_env_var", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    KEY_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    CA_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_CERTIFICATE_PROFILE_NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_END_ENTITY_PROFILE_NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_CERTIFICATE_AUTHORITY_NAME_FIELD_NUMBER: _ClassVar[int]
    ENROLLMENT_USERNAME_ENV_VAR_FIELD_NUMBER: _ClassVar[int]
    ENROLLMENT_CODE_ENV_VAR_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    certificate_file_path: str
    key_file_path: str
    ca_file_path: str
    default_certificate_profile_name: str
    default_end_entity_profile_name: str
    default_certificate_authority_name: str
    enrollment_username_env_var: str
    enrollment_code_env_var: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., certificate_file_path: _Optional[str] = ..., key_file_path: _Optional[str] = ..., ca_file_path: _Optional[str] = ..., default_certificate_profile_name: _Optional[str] = ..., default_end_entity_profile_name: _Optional[str] = ..., default_certificate_authority_name: _Optional[str] = ..., enrollment_username_env_var: _Optional[str] = ..., enrollment_code_env_var: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class KeyfactorX509Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "certificate_file_path", "key_file_path", "ca_file_path", "default_certificate_profile_name", "default_end_entity_profile_name", "default_certificate_authority_name", "enrollment_username_env_var", "enrollment_code_env_var", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    KEY_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    CA_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_CERTIFICATE_PROFILE_NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_END_ENTITY_PROFILE_NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_CERTIFICATE_AUTHORITY_NAME_FIELD_NUMBER: _ClassVar[int]
    ENROLLMENT_USERNAME_ENV_VAR_FIELD_NUMBER: _ClassVar[int]
    ENROLLMENT_CODE_ENV_VAR_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    certificate_file_path: str
    key_file_path: str
    ca_file_path: str
    default_certificate_profile_name: str
    default_end_entity_profile_name: str
    default_certificate_authority_name: str
    enrollment_username_env_var: str
    enrollment_code_env_var: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., certificate_file_path: _Optional[str] = ..., key_file_path: _Optional[str] = ..., ca_file_path: _Optional[str] = ..., default_certificate_profile_name: _Optional[str] = ..., default_end_entity_profile_name: _Optional[str] = ..., default_certificate_authority_name: _Optional[str] = ..., enrollment_username_env_var: _Optional[str] = ..., enrollment_code_env_var: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class StrongVaultStore(_message.Message):
    __slots__ = ("id", "name", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class VaultAWSEC2Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "namespace", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    namespace: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., namespace: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class VaultAWSEC2CertSSHStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace", "ssh_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SSH_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    ssh_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., ssh_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultAWSEC2CertX509Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace", "pki_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    PKI_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    pki_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., pki_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultAWSIAMStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "namespace", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    namespace: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., namespace: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class VaultAWSIAMCertSSHStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace", "ssh_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SSH_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    ssh_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., ssh_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultAWSIAMCertX509Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace", "pki_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    PKI_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    pki_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., pki_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultAppRoleStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "namespace", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    namespace: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., namespace: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class VaultAppRoleCertSSHStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "namespace", "ssh_mount_point", "signing_role", "tags", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SSH_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    namespace: str
    ssh_mount_point: str
    signing_role: str
    tags: _tags_pb2.Tags
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., namespace: _Optional[str] = ..., ssh_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultAppRoleCertX509Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "namespace", "pki_mount_point", "signing_role", "tags", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    PKI_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    namespace: str
    pki_mount_point: str
    signing_role: str
    tags: _tags_pb2.Tags
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., namespace: _Optional[str] = ..., pki_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultTLSStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "CA_cert_path", "client_cert_path", "client_key_path", "tags", "namespace")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CA_CERT_PATH_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CERT_PATH_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KEY_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    CA_cert_path: str
    client_cert_path: str
    client_key_path: str
    tags: _tags_pb2.Tags
    namespace: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., CA_cert_path: _Optional[str] = ..., client_cert_path: _Optional[str] = ..., client_key_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ...) -> None: ...

class VaultTLSCertSSHStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "CA_cert_path", "client_cert_path", "client_key_path", "tags", "namespace", "ssh_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CA_CERT_PATH_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CERT_PATH_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KEY_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SSH_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    CA_cert_path: str
    client_cert_path: str
    client_key_path: str
    tags: _tags_pb2.Tags
    namespace: str
    ssh_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., CA_cert_path: _Optional[str] = ..., client_cert_path: _Optional[str] = ..., client_key_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., ssh_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultTLSCertX509Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "CA_cert_path", "client_cert_path", "client_key_path", "tags", "namespace", "pki_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CA_CERT_PATH_FIELD_NUMBER: _ClassVar[int]
    CLIENT_CERT_PATH_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KEY_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    PKI_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    CA_cert_path: str
    client_cert_path: str
    client_key_path: str
    tags: _tags_pb2.Tags
    namespace: str
    pki_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., CA_cert_path: _Optional[str] = ..., client_cert_path: _Optional[str] = ..., client_key_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., pki_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultTokenStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ...) -> None: ...

class VaultTokenCertSSHStore(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace", "ssh_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SSH_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    ssh_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., ssh_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...

class VaultTokenCertX509Store(_message.Message):
    __slots__ = ("id", "name", "server_address", "tags", "namespace", "pki_mount_point", "signing_role", "issuedCertTTLMinutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    PKI_MOUNT_POINT_FIELD_NUMBER: _ClassVar[int]
    SIGNING_ROLE_FIELD_NUMBER: _ClassVar[int]
    ISSUEDCERTTTLMINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    server_address: str
    tags: _tags_pb2.Tags
    namespace: str
    pki_mount_point: str
    signing_role: str
    issuedCertTTLMinutes: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., server_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., namespace: _Optional[str] = ..., pki_mount_point: _Optional[str] = ..., signing_role: _Optional[str] = ..., issuedCertTTLMinutes: _Optional[int] = ...) -> None: ...
